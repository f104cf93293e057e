// Server-Sent Events over fetch (not EventSource: it can send X-Requested-With, tell a 429 or an expired session
// from a network drop, and show each state). Resumes after a drop with Last-Event-ID, from the last id it saw,
// kept in sessionStorage so a reload resumes too. States: connecting, open, reconnecting, closed.

export class EventStream {
  /**
   * @param url the stream (through the console's proxy)
   * @param options {storageKey, onEvent(type, data, id), onState(state, detail), onExpired()}
   */
  constructor(url, { storageKey, onEvent, onState = () => {}, onExpired = () => {} }) {
    this.url = url;
    this.storageKey = storageKey;
    this.onEvent = onEvent;
    this.onState = onState;
    this.onExpired = onExpired;
    this.lastEventId = storageKey ? sessionStorage.getItem(storageKey) : null;
    this.attempt = 0;
    this.stopped = false;
    this.controller = null;
    this.timer = null;
  }

  start() { this.stopped = false; this.connect(); return this; }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.controller?.abort();
    this.setState('closed');
  }

  setState(state, detail = {}) { this.state = state; this.onState(state, { ...detail, lastEventId: this.lastEventId }); }

  async connect() {
    if (this.stopped) return;
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting', { attempt: this.attempt });
    this.controller = new AbortController();
    const headers = { Accept: 'text/event-stream', 'X-Requested-With': 'JavaScript' };
    if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
    let retryAfter = null;
    try {
      const response = await fetch(this.url, { headers, signal: this.controller.signal, credentials: 'same-origin',
        cache: 'no-store', redirect: 'manual' });
      if (response.status === 499 || response.status === 401 || response.type === 'opaqueredirect') {
        this.stopped = true;
        this.setState('closed', { reason: 'session' });
        this.onExpired();
        return;
      }
      if (!response.ok || !response.body) {
        retryAfter = Number(response.headers.get('Retry-After')) || null;
        throw new Error('HTTP ' + response.status);
      }
      this.attempt = 0;
      this.setState('open');
      await this.read(response.body.getReader());
      if (!this.stopped) throw new Error('stream ended');
    } catch (e) {
      if (this.stopped) return;
      this.attempt++;
      const delay = retryAfter ? retryAfter * 1000 : Math.min(30000, 500 * 2 ** Math.min(this.attempt, 6));
      this.setState('reconnecting', { attempt: this.attempt, inMs: delay, error: String(e.message || e) });
      this.timer = setTimeout(() => this.connect(), delay);
    }
  }

  async read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    let event = { type: 'message', data: [], id: null };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (event.data.length) this.dispatch(event);
          event = { type: 'message', data: [], id: null };
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') event.data.push(value);
          else if (field === 'event') event.type = value;
          else if (field === 'id') event.id = value;
        }
      }
    }
  }

  dispatch(event) {
    if (event.id != null) {
      this.lastEventId = event.id;
      if (this.storageKey) sessionStorage.setItem(this.storageKey, event.id);
    }
    const text = event.data.join('\n');
    let data = text;
    try { data = JSON.parse(text); } catch (e) { /* not JSON: handed over as text */ }
    this.onEvent(event.type, data, event.id);
  }
}
