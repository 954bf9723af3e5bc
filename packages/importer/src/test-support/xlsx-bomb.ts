import { constants, crc32, deflateRawSync } from "node:zlib";

// Hand-built workbooks for the XLSX inflate limit: a zip bomb, and a small honest one.

export type Entry = {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
  declaredSize?: number;
  stored?: boolean;
};

export function deflated(name: string, text: string): Entry {
  const data = Buffer.from(text, "utf8");
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/**
 * A sheet whose one cell holds `megabytes` MB of "A": one megabyte deflated with a full flush (the block then
 * stands alone) and repeated, so a few hundred KB hold a gigabyte without the test deflating a gigabyte.
 */
export function bombSheet(megabytes: number, declaredSize: number): Entry {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>',
  );
  const tail = Buffer.from("</t></is></c></row></sheetData></worksheet>");
  const megabyte = Buffer.alloc(1 << 20, 0x41);
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const headBlock = deflateRawSync(head, flush);
  const block = deflateRawSync(megabyte, flush);
  const tailBlock = deflateRawSync(tail);
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i++) crc = crc32(megabyte, crc);
  crc = crc32(tail, crc);
  return {
    name: "xl/worksheets/sheet1.xml",
    deflated: Buffer.concat([headBlock, ...Array<Buffer>(megabytes).fill(block), tailBlock]),
    crc,
    size: head.length + megabytes * megabyte.length + tail.length,
    declaredSize,
  };
}

/** An entry kept as it is (method 0, "stored"): its bytes are read as they lie in the file. */
export function stored(name: string, text: string | Buffer): Entry {
  const data = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  return { name, deflated: data, crc: crc32(data), size: data.length, stored: true };
}

/** A ZIP of deflated (or stored) entries; the local headers may declare a size other than the real one. */
export function zip(entries: ReadonlyArray<Entry>, options: { zip64?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.stored ? 0 : 8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.stored ? 0 : 8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    if (options.zip64) {
      // As a ZIP64 writer stores them: sizes and offset marked 0xffffffff, their values in the extra field (id 1).
      const extra = Buffer.alloc(4 + 24);
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(entry.deflated.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      central.writeUInt32LE(0xffffffff, 20);
      central.writeUInt32LE(0xffffffff, 24);
      central.writeUInt32LE(0xffffffff, 42);
      central.writeUInt16LE(extra.length, 30);
      centrals.push(central, name, extra);
    } else {
      centrals.push(central, name);
    }
    offset += local.length + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  if (!options.zip64) return Buffer.concat([...locals, directory, end]);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(entries.length), 24);
  record.writeBigUInt64LE(BigInt(entries.length), 32);
  record.writeBigUInt64LE(BigInt(directory.length), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...locals, directory, record, locator, end]);
}

export function workbook(sheet: Entry): Buffer {
  return zip([
    deflated(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    deflated(
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    deflated(
      "xl/workbook.xml",
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    deflated(
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    sheet,
  ]);
}

/** A workbook of `megabytes` MB of XML in a few hundred KB, whose header claims its sheet is 4 KB. */
export function xlsxBomb(megabytes: number): Buffer {
  return workbook(bombSheet(megabytes, 4096));
}
