// Just enough .xlsx for the round's end-to-end test, with no dependencies: read a workbook's
// parts and cells, fill a sent table's input cells as Excel would save them (本期 typed, the
// 累计 formula's cached value recalculated), and write a small county-made workbook (inline
// strings, numbers, merged cells). Zip archives are written stored (no compression).

import { crc32, inflateRawSync } from 'node:zlib';

/** Every part of a zip archive: name → bytes (inflated). */
export function readZip(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const parts = new Map();
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    parts.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return parts;
}

/** A zip archive of the parts (stored), in the order given. */
export function writeZip(parts) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const n = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const unxml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const xml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The workbook's shared strings, in order. */
export function sharedStrings(parts) {
  const x = parts.get('xl/sharedStrings.xml')?.toString('utf8') ?? '';
  return [...x.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unxml([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
}

/** A sheet's cells: "B5" → text or number (shared strings resolved; a formula's cached value). */
export function cells(parts, sheetPart) {
  const strings = sharedStrings(parts);
  const x = parts.get(sheetPart).toString('utf8');
  const out = new Map();
  for (const m of x.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, ref, attrs, inner = ''] = m;
    const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
    const t = /t="(\w+)"/.exec(attrs)?.[1];
    if (t === 's' && v !== undefined) out.set(ref, strings[Number(v)]);
    else if (t === 'inlineStr') out.set(ref, unxml(/<t[^>]*>([\s\S]*?)<\/t>/.exec(inner)?.[1] ?? ''));
    else if (t === 'str' && v !== undefined) out.set(ref, unxml(v));
    else if (v !== undefined) out.set(ref, Number(v));
  }
  return out;
}

/**
 * The sent table filled in: `values` maps a row's 指标编码 to its 本期; each such row's blank
 * G cell gets the number and its 累计 (H = F + G) the recalculated cached value, as Excel or
 * WPS would save it. Returns the new workbook's bytes.
 */
export function fillSentTable(buf, values, sheetPart = 'xl/worksheets/sheet1.xml') {
  const parts = readZip(buf);
  const got = cells(parts, sheetPart);
  let x = parts.get(sheetPart).toString('utf8');
  for (const [ref, code] of got) {
    if (!ref.startsWith('B') || !(code in values)) continue;
    const row = ref.slice(1);
    const v = values[code];
    const total = Number(got.get(`F${row}`) ?? 0) + v;
    x = x.replace(new RegExp(`<c r="G${row}"([^>]*?)(?:/>|></c>)`), `<c r="G${row}"$1><v>${v}</v></c>`);
    x = x.replace(new RegExp(`(<c r="H${row}"[^>]*>[\\s\\S]*?<v>)[^<]*(</v>)`), `$1${total}$2`);
  }
  parts.set(sheetPart, Buffer.from(x, 'utf8'));
  return writeZip(parts);
}

const colName = (c) => (c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26)));

/** A one-sheet workbook: `rows` of strings / numbers / null, `merges` as "A1:K1" ranges. */
export function workbook(sheetName, rows, merges = []) {
  const body = rows
    .map((row, r) => {
      const cs = row
        .map((v, c) => {
          if (v === null || v === undefined || v === '') return '';
          const ref = `${colName(c)}${r + 1}`;
          return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${xml(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cs}</row>`;
    })
    .join('');
  const mergeXml = merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const parts = new Map([
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${ns}><sheets><sheet name="${xml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${ns}><sheetData>${body}</sheetData>${mergeXml}</worksheet>`],
  ].map(([k, v]) => [k, Buffer.from(v, 'utf8')]));
  return writeZip(parts);
}
