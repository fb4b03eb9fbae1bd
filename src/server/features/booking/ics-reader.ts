/**
 * A strict reader of iCalendar text (RFC 5545), for tests to check what keyfob sends: CRLF line
 * ends, lines of at most 75 octets, unfolding, parameters (quoted or not), TEXT unescaping and
 * properly nested components. It throws on anything malformed.
 */

export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface IcsComponent {
  name: string;
  properties: IcsProperty[];
  components: IcsComponent[];
}

/** The value of a TEXT property, unescaped (§3.3.11). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

function parseContentLine(line: string): IcsProperty {
  const name = /^[A-Za-z0-9-]+/.exec(line)?.[0];
  if (!name) throw new Error(`no property name in ${JSON.stringify(line)}`);
  let rest = line.slice(name.length);
  const params: Record<string, string> = {};
  while (rest.startsWith(';')) {
    const param = /^;([A-Za-z0-9-]+)=("[^"]*"|[^";:,]*)/.exec(rest);
    if (!param?.[1] || param[2] === undefined) throw new Error(`bad parameter in ${JSON.stringify(line)}`);
    params[param[1].toUpperCase()] = param[2].replace(/^"|"$/g, '');
    rest = rest.slice(param[0].length);
  }
  if (!rest.startsWith(':')) throw new Error(`no value in ${JSON.stringify(line)}`);
  return { name: name.toUpperCase(), params, value: rest.slice(1) };
}

/** Parses a whole iCalendar object; answers its top-level components (normally one VCALENDAR). */
export function readIcs(text: string): IcsComponent[] {
  if (!text.endsWith('\r\n')) throw new Error('iCalendar text must end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    if (/[\r\n]/.test(line)) throw new Error(`bare CR or LF in ${JSON.stringify(line)}`);
    if (Buffer.byteLength(line, 'utf8') > 75) throw new Error(`line longer than 75 octets: ${line}`);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (logical.length === 0) throw new Error('continuation line first');
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  const roots: IcsComponent[] = [];
  const stack: IcsComponent[] = [];
  for (const line of logical) {
    const property = parseContentLine(line);
    if (property.name === 'BEGIN') {
      const component = { name: property.value.toUpperCase(), properties: [], components: [] };
      (stack.at(-1)?.components ?? roots).push(component);
      stack.push(component);
    } else if (property.name === 'END') {
      const open = stack.pop();
      if (open?.name !== property.value.toUpperCase()) {
        throw new Error(`END:${property.value} does not close ${open?.name ?? 'anything'}`);
      }
    } else {
      const open = stack.at(-1);
      if (!open) throw new Error(`property ${property.name} outside any component`);
      open.properties.push(property);
    }
  }
  if (stack.length > 0) throw new Error(`${stack.at(-1)?.name} is never closed`);
  return roots;
}

/** The one property of a name in a component; throws when it is absent or repeated. */
export function onlyProperty(component: IcsComponent, name: string): IcsProperty {
  const found = component.properties.filter((property) => property.name === name);
  if (found.length !== 1) throw new Error(`${component.name} has ${found.length} ${name}`);
  return found[0] as IcsProperty;
}

/** A UTC DATE-TIME value (`20260330T060000Z`) as a Date. */
export function readUtcDateTime(value: string): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) throw new Error(`not a UTC date-time: ${value}`);
  const [, year, month, day, hour, minute, second] = match.map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second));
}
