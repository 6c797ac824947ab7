/**
 * goFormat / goJson / goJsonIndent / dockerInspectJson against Go itself.
 *
 * GO_CASES below is the output of test/go/fixtures/goref/main.go (`go run .`, Go 1.19 from
 * Debian): fmt.Sprint, json.Marshal, json.MarshalIndent and the Docker CLI's indented inspect output
 * for the values in that program. fixtures/goref/values.ts builds the same values as GoValues.
 * Heap addresses (0xc000...) are normalised to 0xADDR on both sides.
 */
import {describe, expect, it} from 'vitest';
import {
	type GoValue,
	bool,
	field,
	float,
	formatFloat,
	goFormat,
	goJson,
	goJsonIndent,
	goSprintf,
	goTypeName,
	int,
	jsonInterfaceValue,
	map,
	nil,
	ptr,
	slice,
	str,
	strings,
	struct,
	time,
} from '../../source/go/index.js';
import {dockerInspectJson} from '../../source/docker/render/templates.js';
import {data, normalizeAddresses} from './fixtures/goref/values.js';

interface GoCase {
	kind: 'fmt' | 'json' | 'jsonIndent' | 'inspect';
	data: string;
	out: string;
	prefix?: string;
	indent?: string;
}

// prettier-ignore
const GO_CASES: GoCase[] = [
	{"kind": "fmt", "data": "c1", "out": "&{5e57e2b69b000afa130283ae6a1883efcf34c86abec1d027c916e02741f23d37 2026-11-27T13:44:59.738410358Z dotnet [ToDoList.dll] 0xADDR /todo1 [{volume b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30 /var/lib/docker/volumes/b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30/_data /data local  true }] 0xADDR <nil>}"},
	{"kind": "json", "data": "c1", "out": "{\"Id\":\"5e57e2b69b000afa130283ae6a1883efcf34c86abec1d027c916e02741f23d37\",\"Created\":\"2026-11-27T13:44:59.738410358Z\",\"Path\":\"dotnet\",\"Args\":[\"ToDoList.dll\"],\"State\":{\"Status\":\"running\",\"Running\":true,\"Pid\":4242,\"ExitCode\":0,\"StartedAt\":\"2026-11-27T13:45:00.00798517Z\",\"FinishedAt\":\"0001-01-01T00:00:00Z\",\"Health\":{\"Status\":\"healthy\",\"FailingStreak\":0}},\"Name\":\"/todo1\",\"Mounts\":[{\"Type\":\"volume\",\"Name\":\"b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30\",\"Source\":\"/var/lib/docker/volumes/b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30/_data\",\"Destination\":\"/data\",\"Driver\":\"local\",\"Mode\":\"\",\"RW\":true,\"Propagation\":\"\"}],\"Config\":{\"Hostname\":\"5e57e2b69b00\",\"Env\":[\"PATH=/usr/bin:/bin\",\"APP=todo\"],\"Cmd\":[\"dotnet\",\"ToDoList.dll\"],\"Image\":\"diamol/ch06-todo-list\",\"Volumes\":{\"/data\":{}},\"WorkingDir\":\"/app\",\"Entrypoint\":null,\"Labels\":{\"Maintainer\":\"\\u003cops\\u0026dev\\u003e\",\"app\":\"todo\",\"version\":\"1.0\"}}}"},
	{"kind": "fmt", "data": "c2", "out": "&{c0f689b4362cff98dfbe998b91fcda0079b62b5f9e2e0762b1aade03199c8a58 2026-11-27T13:45:01Z /bin/sh [-c ./random.sh] 0xADDR /rn1 [] 0xADDR <nil>}"},
	{"kind": "json", "data": "c2", "out": "{\"Id\":\"c0f689b4362cff98dfbe998b91fcda0079b62b5f9e2e0762b1aade03199c8a58\",\"Created\":\"2026-11-27T13:45:01Z\",\"Path\":\"/bin/sh\",\"Args\":[\"-c\",\"./random.sh\"],\"State\":{\"Status\":\"exited\",\"Running\":false,\"Pid\":0,\"ExitCode\":0,\"StartedAt\":\"2026-11-27T13:45:00Z\",\"FinishedAt\":\"2026-11-27T13:45:01Z\"},\"Name\":\"/rn1\",\"Mounts\":[],\"Config\":{\"Hostname\":\"c0f689b4362c\",\"Env\":[\"PATH=/usr/bin:/bin\"],\"Cmd\":[\"/bin/sh\",\"-c\",\"./random.sh\"],\"Image\":\"diamol/ch06-random-number\",\"Volumes\":null,\"WorkingDir\":\"/random\",\"Entrypoint\":null,\"Labels\":{}}}"},
	{"kind": "fmt", "data": "v1", "out": "{2026-11-27T13:45:03Z local map[] /var/lib/docker/volumes/b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30/_data b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30 map[] local}"},
	{"kind": "json", "data": "v1", "out": "{\"CreatedAt\":\"2026-11-27T13:45:03Z\",\"Driver\":\"local\",\"Labels\":null,\"Mountpoint\":\"/var/lib/docker/volumes/b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30/_data\",\"Name\":\"b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30\",\"Options\":null,\"Scope\":\"local\"}"},
	{"kind": "fmt", "data": "misc", "out": "{hi there  x false 0 7 2.5 [] [] map[] map[] <nil> 0xADDR 42 <nil> 2024-05-01 10:00:00.1234 +0000 UTC 0001-01-01 00:00:00 +0000 UTC {0} <a href=\"x\">&</a> map[b:true f:1.5 l:[1 two] n:<nil> s:x]}"},
	{"kind": "json", "data": "misc", "out": "{\"S\":\"hi there\",\"U\":7,\"F\":2.5,\"NilSlice\":null,\"EmptySl\":[],\"NilMap\":null,\"NilPtr\":null,\"Ptr\":{\"N\":3},\"Iface\":42,\"NilIface\":null,\"T\":\"2024-05-01T10:00:00.1234Z\",\"Zero\":\"0001-01-01T00:00:00Z\",\"In\":{\"N\":0},\"Html\":\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\",\"Any\":{\"b\":true,\"f\":1.5,\"l\":[1,\"two\"],\"n\":null,\"s\":\"x\"}}"},
	{"kind": "fmt", "data": "floats", "out": "[0 1 -2.5 1e+06 123456 1.234567e+06 1e+20 1e+21 0.0001 1e-05 1.5e-07 3.14159 100 0.1 0.6666666666666666]"},
	{"kind": "json", "data": "floats", "out": "[0,1,-2.5,1000000,123456,1234567,100000000000000000000,1e+21,0.0001,0.00001,1.5e-7,3.14159,100,0.1,0.6666666666666666]"},
	{"kind": "fmt", "data": "keys", "out": "map[10:6 9:7 B:2 _:3 a:5 b:1 é:4]"},
	{"kind": "json", "data": "keys", "out": "{\"10\":6,\"9\":7,\"B\":2,\"_\":3,\"a\":5,\"b\":1,\"é\":4}"},
	{"kind": "fmt", "data": "strs", "out": "map[ctl:a\nb\tc\u0001d\"e\\f html:<&> u2028:x\u2028y uni:héllo ☃]"},
	{"kind": "json", "data": "strs", "out": "{\"ctl\":\"a\\nb\\tc\\u0001d\\\"e\\\\f\",\"html\":\"\\u003c\\u0026\\u003e\",\"u2028\":\"x\\u2028y\",\"uni\":\"héllo ☃\"}"},
	{"kind": "fmt", "data": "nils", "out": "{[] [] map[] <nil> <nil> 0xADDR}"},
	{"kind": "json", "data": "nils", "out": "{\"S\":null,\"E\":[],\"M\":null,\"P\":null,\"I\":null,\"PS\":[\"a\"]}"},
	{"kind": "jsonIndent", "data": "c2", "out": "{\n    \"Id\": \"c0f689b4362cff98dfbe998b91fcda0079b62b5f9e2e0762b1aade03199c8a58\",\n    \"Created\": \"2026-11-27T13:45:01Z\",\n    \"Path\": \"/bin/sh\",\n    \"Args\": [\n        \"-c\",\n        \"./random.sh\"\n    ],\n    \"State\": {\n        \"Status\": \"exited\",\n        \"Running\": false,\n        \"Pid\": 0,\n        \"ExitCode\": 0,\n        \"StartedAt\": \"2026-11-27T13:45:00Z\",\n        \"FinishedAt\": \"2026-11-27T13:45:01Z\"\n    },\n    \"Name\": \"/rn1\",\n    \"Mounts\": [],\n    \"Config\": {\n        \"Hostname\": \"c0f689b4362c\",\n        \"Env\": [\n            \"PATH=/usr/bin:/bin\"\n        ],\n        \"Cmd\": [\n            \"/bin/sh\",\n            \"-c\",\n            \"./random.sh\"\n        ],\n        \"Image\": \"diamol/ch06-random-number\",\n        \"Volumes\": null,\n        \"WorkingDir\": \"/random\",\n        \"Entrypoint\": null,\n        \"Labels\": {}\n    }\n}", "indent": "    "},
	{"kind": "jsonIndent", "data": "misc", "out": "{\n    \"S\": \"hi there\",\n    \"U\": 7,\n    \"F\": 2.5,\n    \"NilSlice\": null,\n    \"EmptySl\": [],\n    \"NilMap\": null,\n    \"NilPtr\": null,\n    \"Ptr\": {\n        \"N\": 3\n    },\n    \"Iface\": 42,\n    \"NilIface\": null,\n    \"T\": \"2024-05-01T10:00:00.1234Z\",\n    \"Zero\": \"0001-01-01T00:00:00Z\",\n    \"In\": {\n        \"N\": 0\n    },\n    \"Html\": \"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\",\n    \"Any\": {\n        \"b\": true,\n        \"f\": 1.5,\n        \"l\": [\n            1,\n            \"two\"\n        ],\n        \"n\": null,\n        \"s\": \"x\"\n    }\n}", "indent": "    "},
	{"kind": "jsonIndent", "data": "nils", "out": "{\n    \"S\": null,\n    \"E\": [],\n    \"M\": null,\n    \"P\": null,\n    \"I\": null,\n    \"PS\": [\n        \"a\"\n    ]\n}", "indent": "    "},
	{"kind": "jsonIndent", "data": "nils", "out": "{\n> \t\"S\": null,\n> \t\"E\": [],\n> \t\"M\": null,\n> \t\"P\": null,\n> \t\"I\": null,\n> \t\"PS\": [\n> \t\t\"a\"\n> \t]\n> }", "prefix": "> ", "indent": "\t"},
	{"kind": "inspect", "data": "v1", "out": "[\n    {\n        \"CreatedAt\": \"2026-11-27T13:45:03Z\",\n        \"Driver\": \"local\",\n        \"Labels\": null,\n        \"Mountpoint\": \"/var/lib/docker/volumes/b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30/_data\",\n        \"Name\": \"b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30\",\n        \"Options\": null,\n        \"Scope\": \"local\"\n    }\n]\n"},
	{"kind": "inspect", "data": "c2", "out": "[\n    {\n        \"Id\": \"c0f689b4362cff98dfbe998b91fcda0079b62b5f9e2e0762b1aade03199c8a58\",\n        \"Created\": \"2026-11-27T13:45:01Z\",\n        \"Path\": \"/bin/sh\",\n        \"Args\": [\n            \"-c\",\n            \"./random.sh\"\n        ],\n        \"State\": {\n            \"Status\": \"exited\",\n            \"Running\": false,\n            \"Pid\": 0,\n            \"ExitCode\": 0,\n            \"StartedAt\": \"2026-11-27T13:45:00Z\",\n            \"FinishedAt\": \"2026-11-27T13:45:01Z\"\n        },\n        \"Name\": \"/rn1\",\n        \"Mounts\": [],\n        \"Config\": {\n            \"Hostname\": \"c0f689b4362c\",\n            \"Env\": [\n                \"PATH=/usr/bin:/bin\"\n            ],\n            \"Cmd\": [\n                \"/bin/sh\",\n                \"-c\",\n                \"./random.sh\"\n            ],\n            \"Image\": \"diamol/ch06-random-number\",\n            \"Volumes\": null,\n            \"WorkingDir\": \"/random\",\n            \"Entrypoint\": null,\n            \"Labels\": {}\n        }\n    }\n]\n"},
	{"kind": "inspect", "data": "", "out": "[]\n"},
	{"kind": "inspect", "data": "v1,c1", "out": "[\n    {\n        \"CreatedAt\": \"2026-11-27T13:45:03Z\",\n        \"Driver\": \"local\",\n        \"Labels\": null,\n        \"Mountpoint\": \"/var/lib/docker/volumes/b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30/_data\",\n        \"Name\": \"b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30\",\n        \"Options\": null,\n        \"Scope\": \"local\"\n    },\n    {\n        \"Id\": \"5e57e2b69b000afa130283ae6a1883efcf34c86abec1d027c916e02741f23d37\",\n        \"Created\": \"2026-11-27T13:44:59.738410358Z\",\n        \"Path\": \"dotnet\",\n        \"Args\": [\n            \"ToDoList.dll\"\n        ],\n        \"State\": {\n            \"Status\": \"running\",\n            \"Running\": true,\n            \"Pid\": 4242,\n            \"ExitCode\": 0,\n            \"StartedAt\": \"2026-11-27T13:45:00.00798517Z\",\n            \"FinishedAt\": \"0001-01-01T00:00:00Z\",\n            \"Health\": {\n                \"Status\": \"healthy\",\n                \"FailingStreak\": 0\n            }\n        },\n        \"Name\": \"/todo1\",\n        \"Mounts\": [\n            {\n                \"Type\": \"volume\",\n                \"Name\": \"b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30\",\n                \"Source\": \"/var/lib/docker/volumes/b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30/_data\",\n                \"Destination\": \"/data\",\n                \"Driver\": \"local\",\n                \"Mode\": \"\",\n                \"RW\": true,\n                \"Propagation\": \"\"\n            }\n        ],\n        \"Config\": {\n            \"Hostname\": \"5e57e2b69b00\",\n            \"Env\": [\n                \"PATH=/usr/bin:/bin\",\n                \"APP=todo\"\n            ],\n            \"Cmd\": [\n                \"dotnet\",\n                \"ToDoList.dll\"\n            ],\n            \"Image\": \"diamol/ch06-todo-list\",\n            \"Volumes\": {\n                \"/data\": {}\n            },\n            \"WorkingDir\": \"/app\",\n            \"Entrypoint\": null,\n            \"Labels\": {\n                \"Maintainer\": \"<ops&dev>\",\n                \"app\": \"todo\",\n                \"version\": \"1.0\"\n            }\n        }\n    }\n]\n"},
];

const values = (names: string): GoValue[] => (names === '' ? [] : names.split(',').map(n => data[n]!()));

describe('printing matches Go (fixtures/goref/main.go)', () => {
	it.each(GO_CASES.map(c => [`${c.kind} ${c.data || '(none)'}${c.prefix !== undefined ? ' prefix ' + JSON.stringify(c.prefix) : ''}`, c] as const))('%s', (_name, c) => {
		const got = (() => {
			switch (c.kind) {
				case 'fmt':
					return normalizeAddresses(goFormat(data[c.data]!()));
				case 'json':
					return goJson(data[c.data]!());
				case 'jsonIndent':
					return goJsonIndent(data[c.data]!(), c.prefix ?? '', c.indent ?? '');
				case 'inspect':
					return dockerInspectJson(values(c.data));
			}
		})();
		expect(got).toBe(c.out);
	});
});

/** A container's volume mount as real Docker printed it (recorded from Docker 29, test/golden). */
const vol = 'c4de6e5a48936380cd3a47fabc0faac894fb110561cac185251a3e509571c431';
const recordedMount = struct(
	[
		field('Type', str('volume', 'mount.Type'), {omitempty: true}),
		field('Name', str(vol), {omitempty: true}),
		field('Source', str(`/var/lib/docker/volumes/${vol}/_data`)),
		field('Destination', str('/data')),
		field('Driver', str('local'), {omitempty: true}),
		field('Mode', str('')),
		field('RW', bool(true)),
		field('Propagation', str('', 'mount.Propagation')),
	],
	'container.MountPoint',
);

describe('real Docker output (recorded)', () => {
	it('{{.Mounts}} is fmt %v of []MountPoint: empty Mode and Propagation leave double spaces', () => {
		expect(goFormat(slice([recordedMount]))).toBe(`[{volume ${vol} /var/lib/docker/volumes/${vol}/_data /data local  true }]`);
	});
	it('{{json .Mounts}}', () => {
		expect(goJson(slice([recordedMount]))).toBe(
			`[{"Type":"volume","Name":"${vol}","Source":"/var/lib/docker/volumes/${vol}/_data","Destination":"/data","Driver":"local","Mode":"","RW":true,"Propagation":""}]`,
		);
	});
	it('{{.Config.Volumes}} is a map of empty structs', () => {
		expect(goFormat(map({'/data': struct([])}))).toBe('map[/data:{}]');
	});
	it('docker volume inspect', () => {
		const volume = struct([
			field('CreatedAt', str('2026-11-27T13:45:15Z'), {omitempty: true}),
			field('Driver', str('local')),
			field('Labels', nil('map', 'map[string]string')),
			field('Mountpoint', str('/var/lib/docker/volumes/demo/_data')),
			field('Name', str('demo')),
			field('Options', nil('map', 'map[string]string')),
			field('Scope', str('local')),
			field('Status', nil('map', 'map[string]interface {}'), {omitempty: true}),
			field('UsageData', nil('ptr', '*volume.UsageData'), {omitempty: true}),
		]);
		expect(dockerInspectJson([volume])).toBe(
			[
				'[',
				'    {',
				'        "CreatedAt": "2026-11-27T13:45:15Z",',
				'        "Driver": "local",',
				'        "Labels": null,',
				'        "Mountpoint": "/var/lib/docker/volumes/demo/_data",',
				'        "Name": "demo",',
				'        "Options": null,',
				'        "Scope": "local"',
				'    }',
				']',
				'',
			].join('\n'),
		);
	});
	it('docker container inspect of nothing prints []', () => {
		expect(dockerInspectJson([])).toBe('[]\n');
	});
});

describe('details', () => {
	it('HTML escaping: json.Marshal escapes <>&, the daemon and the json template func do not', () => {
		const v = str('<a>&b');
		expect(goJson(v)).toBe('"\\u003ca\\u003e\\u0026b"');
		expect(goJson(v, {escapeHTML: false})).toBe('"<a>&b"');
		expect(dockerInspectJson([struct({S: v})])).toBe('[\n    {\n        "S": "<a>&b"\n    }\n]\n');
	});
	it('\\b and \\f use short escapes (Go 1.22+, which the Docker CLI and daemon are built with)', () => {
		// Since Go 1.22 (release notes, encoding/json) \\b and \\f are written as such; before, as \\u0008
		// and \\u000c, which is what the Go 1.19 oracle prints.
		expect(goJson(str('a\bb\fc\u0000'))).toBe('"a\\bb\\fc\\u0000"');
	});
	it('--format json is the compact form', () => {
		expect(dockerInspectJson([struct({A: strings([]), B: nil('slice')})], {format: 'json'})).toBe('[{"A":[],"B":null}]\n');
	});
	it('pointers: top-level pointer to struct prints &{...}; nested pointers print an address', () => {
		const inner = ptr(struct({N: int(1)}, 'main.Inner'));
		expect(goFormat(inner)).toBe('&{1}');
		expect(goFormat(struct({P: inner}))).toMatch(/^\{0xc000[0-9a-f]{6}\}$/);
		// Stable for the same pointee, so golden transcripts do not flicker; overridable per pointer.
		expect(goFormat(struct({P: inner}))).toBe(goFormat(struct({P: inner})));
		expect(goFormat(struct({P: {t: 'ptr', to: struct({N: int(1)}), addr: '0xc0000a2f00'}}))).toBe('{0xc0000a2f00}');
		expect(goFormat(nil('ptr'))).toBe('<nil>');
		expect(goFormat(ptr(int(5)))).toMatch(/^0xc000[0-9a-f]{6}$/); // a pointer to a non-composite is an address even at top level
	});
	it('time.Time prints with String() in fmt and RFC 3339 in JSON; offsets are normalised to UTC', () => {
		expect(goFormat(time('2024-05-01T12:00:00.500+02:00'))).toBe('2024-05-01 10:00:00.5 +0000 UTC');
		expect(goJson(time('2024-05-01T10:00:00.000000000Z'))).toBe('"2024-05-01T10:00:00Z"');
	});
	it('strconv float formats used by printf', () => {
		expect(formatFloat(0.125, 'f', 2)).toBe('0.12'); // exact tie: round half to even, like Go
		expect(formatFloat(0.375, 'f', 2)).toBe('0.38');
		expect(formatFloat(2.5, 'f', 0)).toBe('2');
		expect(formatFloat(1e21, 'f', -1)).toBe('1000000000000000000000');
		expect(formatFloat(123456789, 'e', 3)).toBe('1.235e+08');
		expect(formatFloat(0.0001234, 'g', 2)).toBe('0.00012');
		expect(formatFloat(-0, 'g', -1)).toBe('-0');
	});
	it('Sprintf error notation', () => {
		expect(goSprintf('%d %s %z', [str('x'), int(1), bool(true)])).toBe('%!d(string=x) %!s(int=1) %!z(bool=true)');
		expect(goSprintf('%6.2f|%-6d|%06.1f', [float(3.14159), int(42), float(-2.5)])).toBe('  3.14|42    |-002.5');
	});
	it('type names', () => {
		expect(goTypeName(data.c1!())).toBe('*main.Container');
		expect(goTypeName(strings([]))).toBe('[]string');
		expect(goTypeName(map({a: int(1)}))).toBe('map[string]int');
		expect(goTypeName(struct([field('A', str(''), {json: 'a', omitempty: true})]))).toBe('struct { A string "json:\\"a,omitempty\\"" }');
	});
	it('jsonInterfaceValue is the map[string]interface{} the CLI decodes (UseNumber)', () => {
		const raw = jsonInterfaceValue(data.c2!());
		expect(goTypeName(raw)).toBe('map[string]interface {}');
		expect(goFormat(raw).startsWith('map[Args:[-c ./random.sh] Config:map[Cmd:[/bin/sh -c ./random.sh] ')).toBe(true);
		expect(JSON.parse(goJson(raw))).toEqual(JSON.parse(goJson(data.c2!())));
		const state = raw.t === 'map' ? raw.entries.find(([k]) => k === 'State')?.[1] : undefined;
		const pid = state?.t === 'iface' && state.v.t === 'map' ? state.v.entries.find(([k]) => k === 'Pid')?.[1] : undefined;
		expect(pid).toEqual({t: 'iface', v: {t: 'string', v: '0', type: 'json.Number'}});
	});
});
