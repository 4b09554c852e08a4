// Sending a request to the background from a content script or an extension page.
import { browser } from 'wxt/browser';
import { ignore } from '../core/errors/ignore';
import type { AdminAnswers, AdminRequest, Answers, Reply, Request } from './messages';

export async function request<R extends Request>(message: R): Promise<Answers[R['type']] | null> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<Answers[R['type']]> | undefined;
    return reply?.ok ? reply.value : null;
  } catch (error) {
    ignore('the background restarted or the extension was updated: nothing to show, no error on the page')(error);
    return null;
  }
}

/** A configuration request from an extension page; the background's error text when it refuses. */
export async function adminRequest<R extends AdminRequest>(message: R): Promise<Reply<AdminAnswers[R['type']]>> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<AdminAnswers[R['type']]> | undefined;
    return reply ?? { ok: false, error: 'no answer from the background' };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
