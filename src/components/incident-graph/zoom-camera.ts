/**
 * Pan and zoom of the graph's viewport on Pointer Events: dragging empty space pans, one finger
 * pans, two fingers pinch around their midpoint, and the wheel zooms around the pointer. The
 * element moves the camera with `set`, `panBy` and `scaleBy`. Every camera change is reported
 * with whether a user caused it.
 *
 * This is the part of d3-zoom 3.0 that the graph uses, with the same wheel factor (except for
 * a mouse wheel with Ctrl, see `wheelZoomFactor`) and pinch math (camera-math.ts), and without
 * transitions, so the element does not load d3-selection,
 * d3-transition and d3-interpolate. As in d3-zoom, a double-click does not zoom, a press with
 * a secondary button or with Ctrl starts nothing, and the wheel's default action is prevented
 * so the page does not scroll. A press that the interaction claims (a drag on a node, Shift and
 * a drag on empty space) starts no pan: `claimsPress` is asked first. A pointer must move
 * `DRAG_THRESHOLD` CSS pixels (10 for a finger) before it pans, and the click that ends a pan
 * is stopped, so a click that moved less still selects.
 *
 * A cooperative camera shares the gestures with a page that scrolls: the wheel zooms only with
 * Ctrl or Cmd (a trackpad pinch sets Ctrl), and a lone finger is left to the page. A second
 * finger makes a pan and pinch of both. Each gesture left to the page is reported, so the
 * element can show how to move the graph instead.
 */

import { cameraHolding, pinchCamera, worldAt, zoomAround, wheelZoomFactor, type ScaleLimits } from './camera-math.js';
import type { Camera, Point } from './geometry.js';
import { DRAG_THRESHOLD } from './pinning.js';

/** Distance, in CSS pixels, a finger travels before it pans. A finger wobbles more than a mouse. */
export const TOUCH_DRAG_THRESHOLD = 10;

/** One pointer of the gesture under way. */
interface GesturePointer {
  pointerType: string;
  /** Position of the pointer, in CSS pixels of the element. */
  point: Point;
  /** The world point that the camera keeps under the pointer. */
  locus: Point;
}

/** Sharing of the pointer gestures with the page (see `il-incident-graph`'s `gestureHandling`). */
export type GestureHandling = 'greedy' | 'cooperative';

/** A gesture that a cooperative camera left to the page. */
export type PageGesture = 'wheel' | 'touch';

export class ZoomCamera {
  camera: Camera = { x: 0, y: 0, k: 1 };
  /** True to share the gestures with a scrolling page (see the module's comment). */
  cooperative = false;

  private readonly onChange: (camera: Camera, byUser: boolean) => void;
  private readonly onLeftToPage: (gesture: PageGesture) => void;
  private target: HTMLElement | undefined;
  private limits: ScaleLimits = { minZoom: 0, maxZoom: Infinity };
  private claimsPress: (event: PointerEvent) => boolean = () => false;
  /** The pointers of the gesture under way, at most two, by pointer id. */
  private readonly pointers = new Map<number, GesturePointer>();
  /** Press position of the gesture's first pointer, in client pixels, and the distance it must move to pan. */
  private press: { x: number; y: number; threshold: number } | undefined;
  /** True once the gesture moved past its threshold or became a pinch. */
  private moved = false;
  /** Set from the end of a pan until the click that follows it, which is stopped. */
  private suppressClick = false;
  /**
   * The lone finger of a cooperative camera, which pans nothing until a second finger joins it.
   * `reported` is set once it moved far enough to scroll the page.
   */
  private lone: { pointerId: number; point: Point; x: number; y: number; reported: boolean } | undefined;

  constructor(onChange: (camera: Camera, byUser: boolean) => void, onLeftToPage: (gesture: PageGesture) => void = () => {}) {
    this.onChange = onChange;
    this.onLeftToPage = onLeftToPage;
  }

  /** Sets the test that keeps a press the interaction handles itself from panning. */
  setPressFilter(claimsPress: (event: PointerEvent) => boolean): void {
    this.claimsPress = claimsPress;
  }

  /** Listens for gestures on `target` and reports the current camera as set by the element. */
  attach(target: HTMLElement): void {
    this.target = target;
    target.addEventListener('pointerdown', this.handlePointerDown);
    target.addEventListener('pointermove', this.handlePointerMove);
    target.addEventListener('pointerup', this.handlePointerEnd);
    target.addEventListener('pointercancel', this.handlePointerEnd);
    target.addEventListener('lostpointercapture', this.handlePointerEnd);
    // Not passive, so preventing the default action keeps the page from scrolling.
    target.addEventListener('wheel', this.handleWheel, { passive: false });
    target.addEventListener('touchmove', this.handleTouchMove, { passive: false });
    target.addEventListener('click', this.handleClick, { capture: true });
    this.set(this.camera);
  }

  /** Sets the zoom limits of the gestures and of `scaleBy`. The current camera is left as it is. */
  setLimits(minZoom: number, maxZoom: number): void {
    this.limits = { minZoom, maxZoom };
  }

  /** Moves the camera; the caller clamps it first. */
  set(camera: Camera): void {
    this.camera = { ...camera };
    if (!this.target) return;
    this.onChange(this.camera, false);
  }

  /** Pans by a distance in CSS pixels, as a user step. */
  panBy(dx: number, dy: number): void {
    if (!this.target) return;
    const { x, y, k } = this.camera;
    this.apply({ x: x + dx, y: y + dy, k });
  }

  /** Zooms by `factor` around `point` (CSS pixels; the viewport's centre when omitted), as a user step. */
  scaleBy(factor: number, point?: Point): void {
    if (!this.target) return;
    const centre = point ?? { x: this.target.clientWidth / 2, y: this.target.clientHeight / 2 };
    this.apply(zoomAround(this.camera, factor, centre, this.limits));
  }

  /** Moves the camera for a user and reports it. */
  private apply(camera: Camera): void {
    this.camera = { ...camera };
    this.onChange(this.camera, true);
  }

  /** Returns the position of a pointer event in CSS pixels of the target's padding box. */
  private localPoint(event: MouseEvent): Point {
    const target = this.target!;
    const rect = target.getBoundingClientRect();
    return { x: event.clientX - rect.left - target.clientLeft, y: event.clientY - rect.top - target.clientTop };
  }

  /** Sets each pointer's locus to the world point now under it, after the set of pointers changed. */
  private holdPointers(): void {
    for (const pointer of this.pointers.values()) pointer.locus = worldAt(this.camera, pointer.point);
  }

  /** Returns the camera that keeps the pointers' loci under the pointers. */
  private gestureCamera(): Camera {
    const [first, second] = [...this.pointers.values()];
    if (second) return pinchCamera(this.camera, [first!.locus, second.locus], [first!.point, second.point], this.limits);
    return cameraHolding(first!.locus, first!.point, this.camera.k);
  }

  private readonly handlePointerDown = (event: PointerEvent): void => {
    this.suppressClick = false;
    if (event.button !== 0 || event.ctrlKey) return;
    if (this.pointers.size >= 2 || this.pointers.has(event.pointerId)) return;
    const [other] = [...this.pointers.values()];
    if (other && other.pointerType !== event.pointerType) return;
    if (this.claimsPress(event)) return;

    const point = this.localPoint(event);
    const lone = this.lone;
    if (this.cooperative && event.pointerType === 'touch' && !other && (!lone || lone.pointerId === event.pointerId)) {
      this.lone = { pointerId: event.pointerId, point, x: event.clientX, y: event.clientY, reported: false };
      return;
    }
    if (lone && event.pointerType === 'touch') {
      // A second finger joins the lone one: both start a pan and pinch, which never ends in a click.
      this.lone = undefined;
      this.pointers.set(lone.pointerId, { pointerType: 'touch', point: lone.point, locus: worldAt(this.camera, lone.point) });
      capturePointer(this.target!, lone.pointerId);
      this.moved = true;
    } else if (!other) {
      const threshold = event.pointerType === 'touch' ? TOUCH_DRAG_THRESHOLD : DRAG_THRESHOLD;
      this.press = { x: event.clientX, y: event.clientY, threshold };
      this.moved = false;
    } else {
      // A second finger starts a pinch, which never ends in a click.
      this.moved = true;
    }
    this.pointers.set(event.pointerId, { pointerType: event.pointerType, point, locus: worldAt(this.camera, point) });
    this.holdPointers();
    capturePointer(this.target!, event.pointerId);
  };

  private readonly handlePointerMove = (event: PointerEvent): void => {
    const lone = this.lone;
    if (lone?.pointerId === event.pointerId) {
      lone.point = this.localPoint(event);
      if (lone.reported || Math.hypot(event.clientX - lone.x, event.clientY - lone.y) < TOUCH_DRAG_THRESHOLD) return;
      lone.reported = true;
      this.onLeftToPage('touch');
      return;
    }
    const pointer = this.pointers.get(event.pointerId);
    if (!pointer) return;
    pointer.point = this.localPoint(event);
    if (!this.moved) {
      const press = this.press!;
      if (Math.hypot(event.clientX - press.x, event.clientY - press.y) < press.threshold) return;
      this.moved = true;
    }

    const next = this.gestureCamera();
    const { x, y, k } = this.camera;
    if (next.x !== x || next.y !== y || next.k !== k) this.apply(next);
  };

  /** Ends a pointer's part in the gesture on pointerup, pointercancel or lostpointercapture. */
  private readonly handlePointerEnd = (event: PointerEvent): void => {
    if (this.lone?.pointerId === event.pointerId) this.lone = undefined;
    if (!this.pointers.delete(event.pointerId)) return;
    if (this.pointers.size > 0) {
      // The finger left on the surface pans on from where it is.
      this.holdPointers();
      return;
    }
    if (this.moved && event.type === 'pointerup') {
      // The click, if any, follows pointerup in the same task, so the flag outlives it by one task.
      this.suppressClick = true;
      setTimeout(() => (this.suppressClick = false));
    }
    this.press = undefined;
    this.moved = false;
  };

  private readonly handleWheel = (event: WheelEvent): void => {
    if (this.cooperative && !event.ctrlKey && !event.metaKey) {
      this.onLeftToPage('wheel');
      return;
    }
    event.preventDefault();
    const next = zoomAround(this.camera, wheelZoomFactor(event), this.localPoint(event), this.limits);
    if (next !== this.camera) this.apply(next);
  };

  /**
   * Keeps the page from scrolling under a cooperative gesture of two fingers. The page's own
   * `touch-action` lets it scroll under one finger, so a lone finger's moves go on to it.
   */
  private readonly handleTouchMove = (event: TouchEvent): void => {
    if (this.cooperative && event.cancelable && (event.touches.length > 1 || this.pointers.size > 0)) event.preventDefault();
  };

  /** Stops the click that ends a pan, before the interaction's click handler selects. */
  private readonly handleClick = (event: MouseEvent): void => {
    if (!this.suppressClick) return;
    this.suppressClick = false;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
}

/**
 * Captures a pointer, so a pan goes on when it leaves the element. A pointer id that is no
 * longer active (a pointer released before its pointerdown was handled, or a synthetic event)
 * cannot be captured, and the gesture then goes on without capture.
 */
export function capturePointer(target: HTMLElement, pointerId: number): void {
  try {
    target.setPointerCapture(pointerId);
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
  }
}
