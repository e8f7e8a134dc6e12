/**
 * Loads a page in a frame served by the test server's `/__il/policy-frame` route, which sends
 * the frame's Content-Security-Policy as a header, and waits for the report the page posts.
 */

/** Appends `frame`, resolves with the first message of `type` it posts, and removes the frame. */
export async function frameReport<T extends { type: string }>(
  frame: HTMLIFrameElement,
  type: string,
  timeoutMs: number,
  describeTimeout: () => string,
): Promise<T> {
  const result = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(describeTimeout())), timeoutMs);
    window.addEventListener('message', function listen(event: MessageEvent<T>) {
      if (event.source !== frame.contentWindow || event.data?.type !== type) return;
      clearTimeout(timer);
      window.removeEventListener('message', listen);
      resolve(event.data);
    });
  });
  document.body.append(frame);
  try {
    return await result;
  } finally {
    frame.remove();
  }
}
