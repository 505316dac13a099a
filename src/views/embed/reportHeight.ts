/**
 * The embed's side of the height contract (src/lib/embedContract.ts): once laid out and at every
 * change of its height, the embed posts its height to the page that holds its iframe.
 */
import { heightMessage, type EmbedHeightMessage } from '../../lib/embedContract';

type Post = (message: EmbedHeightMessage) => void;

function postToParent(message: EmbedHeightMessage): void {
  // "*": the message says nothing private, and the embed cannot know its host's origin.
  window.parent.postMessage(message, '*');
}

/**
 * An attachment for the embed's root element (`{@attach reportHeight(chart)}`): posts its
 * border-box height, rounded up, when first observed and whenever it changes. The root must
 * contain its children's margins (`display: flow-root`) and the body have none, so that this is
 * the document's height. Nothing is posted outside an iframe.
 */
export function reportHeight(chart: string | undefined, post: Post = postToParent) {
  return (element: HTMLElement): (() => void) | void => {
    if (post === postToParent && window.parent === window) return;
    let last = -1;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      post(heightMessage(chart, height));
    });
    observer.observe(element, { box: 'border-box' });
    return () => observer.disconnect();
  };
}
