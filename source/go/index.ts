/**
 * A port of the parts of Go's standard library the Docker CLI's behaviour depends on, over values
 * modelled in TypeScript (GoValue). This folder is a leaf: it imports nothing from the rest of the
 * source tree, and the rest of the tree imports it only through this file.
 *
 *  - values.ts   Go values (reflect's view: kinds, type names, struct fields and json tags)
 *  - fmt.ts      fmt.Sprint / Sprintln / Sprintf
 *  - json.ts     encoding/json: Marshal, MarshalIndent, Indent, decode into interface{}
 *  - strconv.ts  FormatFloat, Quote, Unquote, ParseInt/ParseUint/Atoi/ParseFloat/ParseBool
 *  - time.ts     time.Time printing, time.ParseDuration
 *  - strings.ts csv.ts net.ts big.ts tabwriter.ts   strings.TrimSpace/Cut/Title, encoding/csv,
 *                net.ParseIP, big.Rat, text/tabwriter
 *  - template/   text/template: lex, parse, exec (with step and byte budgets), funcs
 */
export {type GoValue, bool, field, float, goTypeName, iface, int, map, nil, ptr, slice, str, strings, struct, time} from './values.js';
export {goFormat, goSprintf} from './fmt.js';
export {goJson, goJsonIndent, jsonIndent, jsonInterfaceValue} from './json.js';
export {atoi, formatFloat, goQuote, goQuoteRune, hexFloat, isGoError, parseBool, parseFloat64, parseInteger, parseUnsigned, unquote} from './strconv.js';
export {goTimeString, parseDuration, rfc3339NanoFromMillis} from './time.js';
export {cut, title, trimSpace} from './strings.js';
export {readCsv} from './csv.js';
export {tabwrite} from './tabwriter.js';
export {parseIP} from './net.js';
export {ratSetString} from './big.js';
export {type ExecResult, type FuncMap, type Template, Budget, DEFAULT_LIMITS, FuncError, MAX_NESTING, execute, parseTemplate} from './template/index.js';
