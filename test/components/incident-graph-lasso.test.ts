import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { NodeView } from '../../src/components/incident-graph/display-model.js';
import { extendOutline, nodesInPolygon, pointInPolygon } from '../../src/components/incident-graph/lasso.js';
import { loadSelectionShapes, SelectionGesture, selectionToolOf } from '../../src/components/incident-graph/selection-gesture.js';

type Point = { x: number; y: number };

const SQUARE: Point[] = [
  { x: 0, y: 0 },
  { x: 100, y: 0 },
  { x: 100, y: 100 },
  { x: 0, y: 100 },
];

/** A U shape: two arms of 30 wide, joined at the bottom, with a notch between them. */
const U_SHAPE: Point[] = [
  { x: 0, y: 0 },
  { x: 30, y: 0 },
  { x: 30, y: 70 },
  { x: 70, y: 70 },
  { x: 70, y: 0 },
  { x: 100, y: 0 },
  { x: 100, y: 100 },
  { x: 0, y: 100 },
];

/** Returns a five-pointed star drawn in one stroke: every second point of a pentagon, around (0, 0). */
function pentagram(radius: number): Point[] {
  return [0, 2, 4, 1, 3].map((index) => {
    const angle = -Math.PI / 2 + (index * 2 * Math.PI) / 5;
    return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
}

/** Returns a minimal node view at a world position. Only the position matters here. */
function nodeAt(id: string, x: number, y: number): NodeView {
  return { id, x, y, radius: 16 } as NodeView;
}

describe('incident graph lasso', () => {
  describe('pointInPolygon', () => {
    it('finds a point inside a square', () => {
      expect(pointInPolygon({ x: 50, y: 50 }, SQUARE)).to.be.true;
    });

    it('leaves out points around a square', () => {
      for (const point of [
        { x: -1, y: 50 },
        { x: 101, y: 50 },
        { x: 50, y: -1 },
        { x: 50, y: 101 },
      ]) {
        expect(pointInPolygon(point, SQUARE), JSON.stringify(point)).to.be.false;
      }
    });

    it('leaves out the notch of a concave shape', () => {
      expect(pointInPolygon({ x: 50, y: 30 }, U_SHAPE)).to.be.false;
      expect(pointInPolygon({ x: 15, y: 30 }, U_SHAPE)).to.be.true;
      expect(pointInPolygon({ x: 85, y: 30 }, U_SHAPE)).to.be.true;
      expect(pointInPolygon({ x: 50, y: 85 }, U_SHAPE)).to.be.true;
    });

    it('counts the points of a star and leaves out its centre', () => {
      const star = pentagram(100);

      // The centre pentagon is enclosed twice, so the even-odd rule puts it outside.
      expect(pointInPolygon({ x: 0, y: 0 }, star)).to.be.false;
      // The top point of the star, between the outer tip at y = -100 and the inner pentagon.
      expect(pointInPolygon({ x: 0, y: -80 }, star)).to.be.true;
      expect(pointInPolygon({ x: 0, y: -101 }, star)).to.be.false;
    });

    it('counts both loops of a figure eight', () => {
      const bowTie: Point[] = [
        { x: 0, y: 0 },
        { x: 100, y: 100 },
        { x: 100, y: 0 },
        { x: 0, y: 100 },
      ];

      // The diagonals cross at (50, 50): the loops are the left and right triangles.
      expect(pointInPolygon({ x: 20, y: 40 }, bowTie)).to.be.true;
      expect(pointInPolygon({ x: 80, y: 40 }, bowTie)).to.be.true;
      expect(pointInPolygon({ x: 50, y: 20 }, bowTie)).to.be.false;
      expect(pointInPolygon({ x: 50, y: 80 }, bowTie)).to.be.false;
    });

    it('leaves out a loop drawn twice', () => {
      // An outer square, then a second square inside it drawn the same way round.
      const twice: Point[] = [...SQUARE, { x: 0, y: 0 }, { x: 25, y: 25 }, { x: 75, y: 25 }, { x: 75, y: 75 }, { x: 25, y: 75 }, { x: 25, y: 25 }];

      expect(pointInPolygon({ x: 50, y: 50 }, twice)).to.be.false;
      expect(pointInPolygon({ x: 10, y: 50 }, twice)).to.be.true;
    });

    it('finds nothing in fewer than three points', () => {
      expect(pointInPolygon({ x: 0, y: 0 }, [])).to.be.false;
      expect(pointInPolygon({ x: 5, y: 0 }, SQUARE.slice(0, 2))).to.be.false;
    });
  });

  describe('extendOutline', () => {
    it('skips points closer than the spacing', () => {
      const outline: Point[] = [{ x: 0, y: 0 }];

      expect(extendOutline(outline, { x: 1, y: 1 })).to.be.false;
      expect(extendOutline(outline, { x: 2, y: 0 })).to.be.true;
      expect(outline).to.deep.equal([
        { x: 0, y: 0 },
        { x: 2, y: 0 },
      ]);
    });

    it('takes the first point of an empty outline', () => {
      const outline: Point[] = [];
      expect(extendOutline(outline, { x: 5, y: 5 })).to.be.true;
      expect(outline).to.have.length(1);
    });
  });

  describe('nodesInPolygon', () => {
    it('tests node centres as drawn by the camera', () => {
      const nodes = [nodeAt('in', 10, 10), nodeAt('out', 60, 10)];
      const camera = { x: 20, y: 20, k: 2 };

      // World (10, 10) is drawn at (40, 40), inside, and world (60, 10) at (140, 40), outside.
      expect(nodesInPolygon(nodes, SQUARE, camera).map((node) => node.id)).to.deep.equal(['in']);
    });

    it('finds nothing for a short outline', () => {
      expect(nodesInPolygon([nodeAt('a', 0, 0)], SQUARE.slice(0, 2), { x: 0, y: 0, k: 1 })).to.deep.equal([]);
    });
  });

  describe('SelectionGesture', () => {
    const nodes = [nodeAt('a', 10, 10), nodeAt('b', 90, 10), nodeAt('c', 50, 90)];
    const camera = { x: 0, y: 0, k: 1 };

    it('selects inside the rectangle of a box', async () => {
      const gesture = new SelectionGesture('box', 1, { x: 0, y: 0 });
      gesture.move({ x: 60, y: 95 });

      expect(await gesture.nodeKeys(nodes, camera)).to.deep.equal(['a', 'c']);
    });

    it('selects inside the outline of a lasso', async () => {
      const gesture = new SelectionGesture('lasso', 1, { x: 0, y: 0 });
      for (const point of [
        { x: 100, y: 0 },
        { x: 100, y: 30 },
        { x: 0, y: 30 },
      ]) {
        gesture.move(point);
      }

      expect(await gesture.nodeKeys(nodes, camera)).to.deep.equal(['a', 'b']);
    });

    it('selects nothing before the pointer moves', async () => {
      const gesture = new SelectionGesture('lasso', 1, { x: 0, y: 0 });

      expect(gesture.drawn).to.be.false;
      expect(await gesture.nodeKeys(nodes, camera)).to.deep.equal([]);
    });

    it('draws the lasso without close points', async () => {
      const gesture = new SelectionGesture('lasso', 1, { x: 0, y: 0 });
      for (const point of [
        { x: 1, y: 0 },
        { x: 5, y: 0 },
        { x: 6, y: 1 },
        { x: 5, y: 5 },
      ]) {
        gesture.move(point);
      }
      await loadSelectionShapes();
      const container = document.createElement('div');
      render(gesture.render(), container);

      expect(container.querySelector('polygon')?.getAttribute('points')).to.equal('0,0 5,0 5,5');
    });
  });

  describe('selectionToolOf', () => {
    it('reads the lasso', () => {
      expect(selectionToolOf('lasso')).to.equal('lasso');
    });

    it('falls back to the box', () => {
      expect(selectionToolOf('box')).to.equal('box');
      expect(selectionToolOf(undefined)).to.equal('box');
      expect(selectionToolOf('Lasso')).to.equal('box');
    });
  });
});
