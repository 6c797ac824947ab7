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
export {
	type GoField,
	type GoValue,
	bool,
	compareGoStrings,
	field,
	float,
	goTypeName,
	iface,
	int,
	map,
	nil,
	ptr,
	slice,
	sortedEntries,
	str,
	strings,
	struct,
	time,
	zeroTime,
} from './values.js';
export {goFormat, goSprint, goSprintf, goSprintln, pointerAddress} from './fmt.js';
export {type JsonOptions, GoJsonError, goJson, goJsonIndent, jsonIndent, jsonInterfaceValue, jsonString} from './json.js';
export {
	type GoError,
	type NumError,
	atoi,
	canBackquote,
	formatFloat,
	goQuote,
	goQuoteRune,
	hexFloat,
	isGoError,
	parseBool,
	parseFloat64,
	parseInteger,
	parseUnsigned,
	unquote,
} from './strconv.js';
export {goTimeRfc3339Nano, goTimeString, parseDuration, rfc3339NanoFromMillis} from './time.js';
export {cut, title, trimSpace} from './strings.js';
export {readCsv} from './csv.js';
export {type TabwriterConfig, tabwrite} from './tabwriter.js';
export {parseIP} from './net.js';
export {ratSetString} from './big.js';
export {
	type ExecOptions,
	type ExecResult,
	type FuncContext,
	type FuncDef,
	type FuncMap,
	type Limits,
	type MissingKey,
	type Param,
	type ParseOptions,
	type Template,
	type Val,
	Budget,
	DEFAULT_LIMITS,
	FuncError,
	MAX_NESTING,
	execute,
	indirectInterface,
	parseTemplate,
} from './template/index.js';
