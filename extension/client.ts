// Sending a request to the background from a content script or an extension page.
import { browser } from 'wxt/browser';
import type { Answers, Reply, Request } from './messages';

export async function request<R extends Request>(message: R): Promise<Answers[R['type']] | null> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<Answers[R['type']]> | undefined;
    return reply?.ok ? reply.value : null;
  } catch {
    // The background restarted or the extension was updated: nothing to show, no error on the page.
    return null;
  }
}
