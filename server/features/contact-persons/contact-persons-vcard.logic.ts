// vCard (RFC 6350) written and read by hand rather than with the vcard4 library: its parser refuses
// every card that is not VERSION:4.0, and phones' address books export 3.0 (iOS, Android, Outlook).
// Only the properties a contact person has are read; the rest of a card is ignored.

export interface VcardPerson {
  lastName: string;
  firstName: string | null;
  middleName: string | null;
  position: string | null;
  organization: string | null;
  birthday: string | null;
  note: string | null;
  phones: { kind: 'phone' | 'fax'; value: string }[];
  emails: string[];
}

export interface VcardProblem {
  line: number;
  field: string;
  code: string;
  message: string;
}

const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');

/** Lines longer than 75 octets are folded (a CRLF and a space), never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function toVcard(p: VcardPerson & { uid: string }): string {
  const n = [p.lastName, p.firstName ?? '', p.middleName ?? '', '', ''].map(escapeText).join(';');
  const fn = [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `UID:urn:uuid:${p.uid}`, `N:${n}`, `FN:${escapeText(fn)}`];
  if (p.position) lines.push(`TITLE:${escapeText(p.position)}`);
  if (p.organization) lines.push(`ORG:${escapeText(p.organization)}`);
  for (const t of p.phones) lines.push(`TEL;VALUE=uri;TYPE=${t.kind === 'fax' ? 'fax' : 'voice'}:tel:${t.value}`);
  for (const e of p.emails) lines.push(`EMAIL:${escapeText(e)}`);
  if (p.birthday) lines.push(`BDAY:${p.birthday.replace(/-/g, '')}`);
  if (p.note) lines.push(`NOTE:${escapeText(p.note)}`);
  lines.push('END:VCARD');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** Splits on the separator char where it is not escaped, and unescapes each part. */
function splitUnescaped(value: string, sep: ';' | ','): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      const next = value[++i];
      cur += next === 'n' || next === 'N' ? '\n' : next;
    } else if (c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const unescape = (v: string) => splitUnescaped(v, ';').join(';');

interface Prop {
  line: number;
  name: string;
  params: string;
  value: string;
}

/** Unfolded content lines with the number of the line each starts on (1-based). */
function contentLines(text: string): Prop[] {
  const props: Prop[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    if (/^[ \t]/.test(raw) && props.length) {
      props[props.length - 1].value += raw.slice(1);
      return;
    }
    if (!raw.trim()) return;
    const colon = raw.indexOf(':');
    const head = colon < 0 ? raw : raw.slice(0, colon);
    const [name, ...params] = head.split(';');
    // A group prefix ("item1.TEL") names the same property.
    props.push({
      line: i + 1,
      name: name.replace(/^[^.]*\./, '').toUpperCase(),
      params: params.join(';'),
      value: colon < 0 ? '' : raw.slice(colon + 1),
    });
  });
  return props;
}

function bdayOf(v: string): string | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(T.*)?$/.exec(v.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** Every card in the text, or every problem found (by card index and line). */
export function parseVcards(text: string): { cards: (VcardPerson & { line: number })[]; problems: VcardProblem[] } {
  const cards: (VcardPerson & { line: number })[] = [];
  const problems: VcardProblem[] = [];
  let card: (VcardPerson & { line: number; hasN: boolean; fn: string | null }) | null = null;
  for (const p of contentLines(text)) {
    const field = `cards.${cards.length}`;
    if (p.name === 'BEGIN' && p.value.toUpperCase() === 'VCARD') {
      if (card) problems.push({ line: p.line, field, code: 'vcard_invalid', message: 'BEGIN:VCARD inside a card' });
      card = {
        line: p.line,
        lastName: '',
        firstName: null,
        middleName: null,
        position: null,
        organization: null,
        birthday: null,
        note: null,
        phones: [],
        emails: [],
        hasN: false,
        fn: null,
      };
      continue;
    }
    if (!card) {
      problems.push({ line: p.line, field, code: 'vcard_invalid', message: 'text outside BEGIN:VCARD … END:VCARD' });
      continue;
    }
    const params = p.params.toLowerCase();
    switch (p.name) {
      case 'END': {
        const { hasN, fn, ...person } = card;
        if (!hasN && fn) person.lastName = fn;
        if (!person.lastName)
          problems.push({ line: card.line, field: `${field}.lastName`, code: 'required', message: 'the card has no name (N or FN)' });
        cards.push(person);
        card = null;
        break;
      }
      case 'N': {
        const [last = '', first = '', middle = ''] = splitUnescaped(p.value, ';').map((s) => s.trim());
        card.hasN = !!last;
        card.lastName = last;
        card.firstName = first || null;
        card.middleName = middle || null;
        break;
      }
      case 'FN':
        card.fn = unescape(p.value).trim() || null;
        break;
      case 'TITLE':
        card.position = unescape(p.value).trim() || null;
        break;
      case 'ORG':
        card.organization = splitUnescaped(p.value, ';')[0].trim() || null;
        break;
      case 'NOTE':
        card.note = unescape(p.value).trim() || null;
        break;
      case 'EMAIL':
        if (p.value.trim()) card.emails.push(unescape(p.value).trim());
        break;
      case 'TEL': {
        const value = p.value.replace(/^tel:/i, '').trim();
        if (value) card.phones.push({ kind: /fax/.test(params) ? 'fax' : 'phone', value });
        break;
      }
      case 'BDAY': {
        const bday = bdayOf(p.value);
        if (bday) card.birthday = bday;
        else
          problems.push({
            line: p.line,
            field: `${field}.birthday`,
            code: 'date_invalid',
            message: `"${p.value}" is not a date (YYYYMMDD or YYYY-MM-DD)`,
          });
        break;
      }
    }
  }
  if (card) problems.push({ line: card.line, field: `cards.${cards.length}`, code: 'vcard_invalid', message: 'the card has no END:VCARD' });
  if (!cards.length && !problems.length) problems.push({ line: 1, field: 'cards', code: 'required', message: 'no vCard in the body' });
  return { cards, problems };
}
