/**
 * Why `npm run start:http` could not listen, said in terms of the settings to change (HOST, PORT) rather than node's
 * errno ("listen EADDRINUSE: address already in use 127.0.0.1:3000", "getaddrinfo ENOTFOUND 999.1.1.1"), like the
 * other configuration errors. Importing this module has no side effect.
 */

/** Thrown by InteractionsServer.listen: `message` names HOST or PORT and what to set; `cause` is node's error. */
export class ListenError extends Error {
  /** node's error code (EADDRINUSE, EADDRNOTAVAIL, ENOTFOUND, …), when it had one. */
  readonly code: string | undefined;

  constructor(message: string, code: string | undefined, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'ListenError';
    this.code = code;
  }
}

/** What to set HOST to, said wherever HOST is wrong. */
const HOST_HINT =
  'set HOST to 127.0.0.1 (the default, behind a local TLS proxy or tunnel), 0.0.0.0 (every interface, e.g. in a ' +
  'container), :: (every IPv6 interface) or another address of this machine';

/** getaddrinfo's codes for a host name that does not resolve (now, or at all). */
const UNRESOLVED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA', 'EAI_ADDRFAMILY']);

/**
 * The error to report when listening on `host`:`port` failed with `error`.
 *
 * @example
 * listenError(Object.assign(new Error('listen EADDRINUSE …'), { code: 'EADDRINUSE' }), '127.0.0.1', 3000).message
 * // 'PORT 3000 is already in use on HOST 127.0.0.1 (by another program, or another start:http): set PORT to a free port, …'
 */
export function listenError(error: unknown, host: string, port: number): ListenError {
  const code = (error as { code?: unknown } | null)?.code;
  const known = typeof code === 'string' ? code : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  return new ListenError(`start:http cannot listen on ${host}:${port}: ${advice(known, host, port, detail)}`, known, {
    cause: error,
  });
}

function advice(code: string | undefined, host: string, port: number, detail: string): string {
  if (code === 'EADDRINUSE') {
    return (
      `PORT ${port} is already in use on HOST ${host} (by another program, or another start:http): set PORT to a ` +
      'free port, or stop the program that holds it.'
    );
  }
  if (code === 'EACCES') {
    return (
      `this user may not listen on PORT ${port} (ports below 1024 need privileges): set PORT to a port from 1024 ` +
      'to 65535, e.g. 3000, and let the reverse proxy listen on 443.'
    );
  }
  if (code === 'EADDRNOTAVAIL') return `HOST ${host} is not an address of this machine: ${HOST_HINT}.`;
  if (code !== undefined && UNRESOLVED.has(code)) {
    return `HOST ${host} is not an IP address, and no host name by that name could be resolved: ${HOST_HINT}.`;
  }
  return `${detail}. Check HOST and PORT (${HOST_HINT}; PORT from 1 to 65535).`;
}
