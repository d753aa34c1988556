/**
 * Talks to the other field iframes of the same merchant page: they share our
 * channel and the cardvault origin. Messages go to each window.parent.frames[i]
 * with targetOrigin = our own origin, so a frame of any other origin never
 * receives them, and are accepted only from a sibling frame, from our own
 * origin, on our channel. Card values travel only on this link.
 */
import { createEnvelope, readMessage } from '../shared/message-envelope.js';
import { MessageType, SIBLING_TYPES } from '../shared/message-types.js';
import { newRequestId } from '../shared/random-id.js';

/**
 * @param options {win, channel, field, onMessage(type, payload, reply(type, payload))}
 */
export function createSiblingLink(options) {
  const win = options.win;
  const ownOrigin = win.location.origin;
  const pending = {};

  function siblings() {
    const list = [];
    let frames;
    try {
      frames = win.parent.frames;
    } catch (e) {
      return list;
    }
    for (let i = 0; i < frames.length; i++) {
      if (frames[i] && frames[i] !== win) list.push(frames[i]);
    }
    return list;
  }

  function isSibling(source) {
    if (!source || source === win) return false;
    return siblings().indexOf(source) !== -1;
  }

  function postTo(target, type, payload) {
    try {
      target.postMessage(createEnvelope(options.channel, type, payload), ownOrigin);
    } catch (e) {
      // a frame that went away meanwhile
    }
  }

  function broadcast(type, payload) {
    siblings().forEach(function (frame) {
      postTo(frame, type, payload);
    });
  }

  function handleEvent(event) {
    const message = readMessage(event, {
      origin: ownOrigin,
      channel: options.channel,
      types: SIBLING_TYPES,
      source: isSibling,
    });
    if (!message) return;
    if (message.type === MessageType.SIBLING_VALUE) {
      const waiting = pending[message.payload.requestId];
      if (waiting) waiting.receive(message.payload);
      return;
    }
    options.onMessage(message.type, message.payload, function reply(type, payload) {
      postTo(event.source, type, payload);
    });
  }

  /**
   * Asks the named sibling fields for their values.
   * @returns Promise of {fieldName: {field, valid, code, value}} - fields that did not answer in time are absent
   */
  function collect(fields, timeoutMs, setTimer) {
    const schedule = setTimer || setTimeout;
    return new Promise(function (resolve) {
      const requestId = newRequestId();
      const replies = {};
      let count = 0;
      function finish() {
        delete pending[requestId];
        resolve(replies);
      }
      if (fields.length === 0) {
        resolve(replies);
        return;
      }
      pending[requestId] = {
        receive: function (payload) {
          if (fields.indexOf(payload.field) === -1 || replies[payload.field]) return;
          replies[payload.field] = payload;
          count++;
          if (count === fields.length) finish();
        },
      };
      schedule(finish, timeoutMs);
      broadcast(MessageType.SIBLING_COLLECT, { requestId: requestId, fields: fields.slice(), from: options.field });
    });
  }

  win.addEventListener('message', handleEvent, false);
  return {
    broadcast: broadcast,
    collect: collect,
    handleEvent: handleEvent,
    stop: function () {
      win.removeEventListener('message', handleEvent, false);
    },
  };
}
