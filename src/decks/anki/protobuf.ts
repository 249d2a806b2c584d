// The few protobuf fields an import needs from schema 18's config blobs (a note type's kind,
// a template's front and back): a wire-format reader for them, not a protobuf library.

export type ProtoValue = number | Uint8Array;

/** Top-level fields of a message: field number -> values in order. Throws on bad input. */
export function protoFields(buf: Uint8Array): Map<number, ProtoValue[]> {
  const out = new Map<number, ProtoValue[]>();
  let i = 0;
  const varint = (): number => {
    let v = 0;
    let mul = 1;
    for (let n = 0; n < 10; n++) {
      if (i >= buf.length) throw new Error('truncated varint');
      const b = buf[i++] as number;
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 128;
    }
    throw new Error('varint too long');
  };
  while (i < buf.length) {
    const tag = varint();
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    let value: ProtoValue;
    if (wire === 0) value = varint();
    else if (wire === 2) {
      const len = varint();
      if (i + len > buf.length) throw new Error('truncated field');
      value = buf.subarray(i, i + len);
      i += len;
    } else if (wire === 1 || wire === 5) {
      i += wire === 1 ? 8 : 4;
      continue;
    } else throw new Error(`unknown wire type ${wire}`);
    const list = out.get(field);
    if (list) list.push(value);
    else out.set(field, [value]);
  }
  return out;
}

const utf8 = new TextDecoder();

export function protoString(fields: Map<number, ProtoValue[]>, n: number): string {
  const v = fields.get(n)?.[0];
  return v instanceof Uint8Array ? utf8.decode(v) : '';
}

export function protoNumber(fields: Map<number, ProtoValue[]>, n: number): number {
  const v = fields.get(n)?.[0];
  return typeof v === 'number' ? v : 0;
}
