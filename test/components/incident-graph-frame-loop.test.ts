import { expect } from '@open-wc/testing';
import { FrameLoop } from '../../src/components/incident-graph/frame-loop.js';

function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

describe('FrameLoop', () => {
  it('goes on with unfinished work in tasks, not frames', async () => {
    let calls = 0;
    const loop = new FrameLoop({ isConnected: true }, () => ++calls < 4);
    loop.schedule();
    await nextFrame();
    // Three continuations follow the first draw as separate tasks, well before two more frames.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).to.equal(4);
  });

  it('stops going on once cancelled', async () => {
    let calls = 0;
    const loop = new FrameLoop({ isConnected: true }, () => {
      calls += 1;
      loop.cancel();
      return true;
    });
    loop.schedule();
    await nextFrame();
    await nextFrame();
    expect(calls).to.equal(1);
  });

  it('draws nothing for a host that left the page', async () => {
    let calls = 0;
    const loop = new FrameLoop({ isConnected: false }, () => ++calls > 0);
    loop.schedule();
    await nextFrame();
    expect(calls).to.equal(0);
  });
});
