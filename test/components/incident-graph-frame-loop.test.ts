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

  it('starts soon in a task, replacing the frame already requested', async () => {
    let calls = 0;
    let callsAtNextFrame = -1;
    const loop = new FrameLoop({ isConnected: true }, () => {
      calls += 1;
      return false;
    });
    // This callback runs before any frame callback the loop requests after it.
    requestAnimationFrame(() => (callsAtNextFrame = calls));
    loop.schedule();
    loop.startSoon();
    await nextFrame();
    await nextFrame();
    expect(callsAtNextFrame).to.equal(1);
    expect(calls).to.equal(1);
  });

  it('requests no frame while a task that draws is posted', async () => {
    let calls = 0;
    const loop = new FrameLoop({ isConnected: true }, () => {
      calls += 1;
      return false;
    });
    loop.startSoon();
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
