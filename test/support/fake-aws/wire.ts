import { randomUUID } from 'node:crypto';

/** What the fake answers to one HTTP request. */
export interface WireReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The three wire protocols the fake speaks (S3 has its own server). */
export type Protocol = 'query' | 'ec2' | 'json1.0' | 'json1.1';

/**
 * An AWS error a handler throws; the server renders it in the protocol of the service so
 * the SDK's deserialisers turn it back into an error with this `name`.
 */
export class FakeAwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
  }
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** XML content: absent values produce no element at all, as AWS omits unset members. */
export type XmlValue = string | number | boolean | null | undefined | XmlNode;
export interface XmlNode {
  readonly xml: string;
}

/** `<name>value</name>`, or nothing when the value is null/undefined. */
export function el(name: string, value: XmlValue): string {
  if (value === null || value === undefined) return '';
  const inner = typeof value === 'object' ? value.xml : escapeXml(String(value));
  return `<${name}>${inner}</${name}>`;
}

/** Already-built child elements, so `el` does not escape them. */
export function nodes(...parts: string[]): XmlNode {
  return { xml: parts.join('') };
}

/** A wrapped list: `<name><item>..</item>..</name>` (EC2 uses `item`, query services `member`). */
export function list<T>(name: string, items: readonly T[], render: (item: T) => string, itemTag: string): string {
  return el(name, nodes(...items.map((item) => `<${itemTag}>${render(item)}</${itemTag}>`)));
}

/** Tags as EC2's `tagSet` or the query services' `Tags`/`TagList`. */
export function tagItems(tags: Record<string, string>, keyTag = 'Key', valueTag = 'Value'): Array<string> {
  return Object.entries(tags).map(([k, v]) => el(keyTag, k) + el(valueTag, v));
}

const requestId = () => randomUUID();

/** awsQuery success: `<OpResponse><OpResult>..</OpResult><ResponseMetadata>..`. */
export function queryReply(operation: string, xmlns: string, result: string): WireReply {
  const id = requestId();
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${xmlns}">` +
    `<${operation}Result>${result}</${operation}Result>` +
    `<ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></${operation}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': id }, body };
}

/** ec2Query success: no Result wrapper, a `requestId` element first. */
export function ec2Reply(operation: string, content: string): WireReply {
  const id = requestId();
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">` +
    `<requestId>${id}</requestId>${content}</${operation}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml;charset=UTF-8' }, body };
}

/** awsJson success. */
export function jsonReply(protocol: 'json1.0' | 'json1.1', value: unknown): WireReply {
  return {
    status: 200,
    headers: { 'content-type': `application/x-amz-json-${protocol.slice(4)}`, 'x-amzn-requestid': requestId() },
    body: JSON.stringify(value),
  };
}

/**
 * An error in the service's own format. `queryCompatible` is CloudWatch: JSON on the wire,
 * but the query-era error code travels in `x-amzn-query-error`.
 */
export function errorReply(
  protocol: Protocol,
  error: FakeAwsError,
  options: { namespace?: string; queryCompatible?: boolean } = {},
): WireReply {
  const id = requestId();
  if (protocol === 'query') {
    const body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${options.namespace ?? ''}"><Error>` +
      `<Type>${error.fault}</Type>${el('Code', error.code)}${el('Message', error.message)}</Error>` +
      `<RequestId>${id}</RequestId></ErrorResponse>`;
    return { status: error.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': id }, body };
  }
  if (protocol === 'ec2') {
    const body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error>${el('Code', error.code)}${el('Message', error.message)}` +
      `</Error></Errors><RequestID>${id}</RequestID></Response>`;
    return { status: error.status, headers: { 'content-type': 'text/xml;charset=UTF-8' }, body };
  }
  const headers: Record<string, string> = { 'content-type': `application/x-amz-json-${protocol.slice(4)}`, 'x-amzn-requestid': id };
  if (options.queryCompatible) headers['x-amzn-query-error'] = `${error.code};${error.fault}`;
  const type = options.namespace ? `${options.namespace}#${error.code}` : error.code;
  return { status: error.status, headers, body: JSON.stringify({ __type: type, message: error.message }) };
}

/** Form parameters of a query request (`Action`, `Version`, `Filter.1.Name`...). */
export function parseForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/** A query list parameter (`OwnerId.1`, `OwnerId.2`... or `Names.member.1`...). */
export function formList(params: Record<string, string>, prefix: string): string[] {
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(?:member\\.)?(\\d+)$`);
  return Object.entries(params)
    .map(([key, value]) => [pattern.exec(key)?.[1], value] as const)
    .filter((entry): entry is readonly [string, string] => entry[0] !== undefined)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([, value]) => value);
}
