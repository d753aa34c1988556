/**
 * The frame's side of `loaderror`: a page the server sends instead of the
 * field (e.g. for an unknown key: <html data-cardvault-error="invalid-key">,
 * loading field.js) tells the merchant page why, on the channel from its URL
 * fragment, to the origin the browser reports as the framing page - never '*'.
 * Only a load-error code travels; nothing else is known here.
 */
import { LOAD_ERROR_CODES } from '../shared/error-catalogue.js';
import { createEnvelope } from '../shared/message-envelope.js';
import { MessageType } from '../shared/message-types.js';
import { isChannelId } from '../shared/random-id.js';
import { fragmentChannel } from './field-params.js';
import { browserReportedParentOrigin } from './parent-link.js';

export function reportLoadError(win, code) {
  const channel = fragmentChannel(win.location.hash);
  const origin = browserReportedParentOrigin(win);
  if (LOAD_ERROR_CODES.indexOf(code) === -1 || !isChannelId(channel) || !origin || win.parent === win) return false;
  win.parent.postMessage(createEnvelope(channel, MessageType.LOAD_ERROR, { code: code }), origin);
  return true;
}
