/**
 * go/template (with the Docker CLI's functions, as docker/render/templates.ts adds them) and
 * dockerInspectFormat against Go's text/template and the Docker CLI's inspect flow.
 *
 * GO_CASES below is the output of test/go/fixtures/goref/main.go (`go run .`, Go 1.19 from
 * Debian): each template executed by text/template (with functions behaving like the Docker CLI's)
 * on the values in that program, or run through the CLI's inspect logic ('docker' cases: typed
 * execution, then the map[string]interface{} fallback with missingkey=error). fixtures/goref/values.ts
 * builds the same values as GoValues. Heap addresses are normalised to 0xADDR.
 *
 * MODERN_GO lists the few cases where the Go the Docker CLI is built with (1.22+) prints something
 * else than Go 1.19; the expectation there is taken from the newer Go source (cited per case).
 */
import {describe, expect, it} from 'vitest';
import {type GoValue, field, int, map, parseTemplate, ptr, slice, str, strings, struct} from '../../source/go/index.js';
import {dockerInspectFormat, renderTemplate} from '../../source/docker/render/templates.js';
import {data, normalizeAddresses} from './fixtures/goref/values.js';

interface GoCase {
	kind: 'tpl' | 'docker';
	data: string;
	tpl: string;
	out: string;
	err?: string;
	code?: number;
}

// prettier-ignore
const GO_CASES: GoCase[] = [
	{"kind": "tpl", "data": "c1", "tpl": "{{.Mounts}}", "out": "[{volume b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30 /var/lib/docker/volumes/b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30/_data /data local  true }]"},
	{"kind": "tpl", "data": "c1", "tpl": "{{json .Mounts}}", "out": "[{\"Type\":\"volume\",\"Name\":\"b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30\",\"Source\":\"/var/lib/docker/volumes/b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30/_data\",\"Destination\":\"/data\",\"Driver\":\"local\",\"Mode\":\"\",\"RW\":true,\"Propagation\":\"\"}]"},
	{"kind": "tpl", "data": "c1", "tpl": "{{.Config.Volumes}}", "out": "map[/data:{}]"},
	{"kind": "tpl", "data": "c1", "tpl": "{{.State}}", "out": "{running true 4242 0 2026-11-27T13:45:00.00798517Z 0001-01-01T00:00:00Z 0xADDR}"},
	{"kind": "tpl", "data": "c1", "tpl": "{{json .State}}", "out": "{\"Status\":\"running\",\"Running\":true,\"Pid\":4242,\"ExitCode\":0,\"StartedAt\":\"2026-11-27T13:45:00.00798517Z\",\"FinishedAt\":\"0001-01-01T00:00:00Z\",\"Health\":{\"Status\":\"healthy\",\"FailingStreak\":0}}"},
	{"kind": "tpl", "data": "c1", "tpl": "{{.Config}}", "out": "{5e57e2b69b00 [PATH=/usr/bin:/bin APP=todo] [dotnet ToDoList.dll] diamol/ch06-todo-list map[/data:{}] /app [] map[Maintainer:<ops&dev> app:todo version:1.0]}"},
	{"kind": "tpl", "data": "c1", "tpl": "{{.Name}} {{.State.Status}} {{.State.Pid}}", "out": "/todo1 running 4242"},
	{"kind": "tpl", "data": "c1", "tpl": "{{.}}", "out": "{5e57e2b69b000afa130283ae6a1883efcf34c86abec1d027c916e02741f23d37 2026-11-27T13:44:59.738410358Z dotnet [ToDoList.dll] 0xADDR /todo1 [{volume b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30 /var/lib/docker/volumes/b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30/_data /data local  true }] 0xADDR <nil>}"},
	{"kind": "tpl", "data": "c1", "tpl": "{{range $i, $m := .Mounts}}{{$i}}:{{$m.Destination}} {{end}}", "out": "0:/data "},
	{"kind": "tpl", "data": "c1", "tpl": "{{range .Mounts}}{{.Type}} {{.Name}} -> {{.Destination}}{{end}}", "out": "volume b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30 -> /data"},
	{"kind": "tpl", "data": "c1", "tpl": "{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}", "out": "Maintainer=<ops&dev>;app=todo;version=1.0;"},
	{"kind": "tpl", "data": "c1", "tpl": "{{range .Config.Env}}{{println .}}{{end}}", "out": "PATH=/usr/bin:/bin\nAPP=todo\n"},
	{"kind": "tpl", "data": "c1", "tpl": "{{if eq .State.Status \"running\"}}up{{else if .State.Running}}odd{{else}}down{{end}}", "out": "up"},
	{"kind": "tpl", "data": "c1", "tpl": "{{with .State.Health}}{{.Status}}{{else}}no health{{end}}", "out": "healthy"},
	{"kind": "tpl", "data": "c1", "tpl": "{{index .Config.Labels \"app\"}}|{{index .Config.Labels \"nope\"}}|{{.Config.Labels.nope}}|{{.Config.Labels.app}}", "out": "todo||<no value>|todo"},
	{"kind": "tpl", "data": "c1", "tpl": "{{len .Mounts}} {{len .Name}} {{len .Config.Labels}}", "out": "1 6 3"},
	{"kind": "tpl", "data": "c1", "tpl": "a  {{- .Name -}}  b\n{{- /* comment */ -}}\n c {{/* another */}}d", "out": "a/todo1bc d"},
	{"kind": "tpl", "data": "c1", "tpl": "{{$n := .Name}}{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$n}} {{$x}} {{$.State.Pid}}", "out": "/todo1 2 4242"},
	{"kind": "tpl", "data": "c1", "tpl": "{{.Name | printf \"%q\"}} {{.Mounts | len}} {{.Config.Env | json}} {{(index .Mounts 0).Driver}}", "out": "\"/todo1\" 1 [\"PATH=/usr/bin:/bin\",\"APP=todo\"] local"},
	{"kind": "tpl", "data": "c1", "tpl": "{{join .Config.Env \",\"}}|{{join .Config.Cmd \" \"}}|{{split .Name \"o\"}}|{{lower \"ABC\"}}{{upper .Name}}|{{title \"hello wide-world\"}}", "out": "PATH=/usr/bin:/bin,APP=todo|dotnet ToDoList.dll|[/t d 1]|abc/TODO1|Hello Wide-World"},
	{"kind": "tpl", "data": "c1", "tpl": "[{{pad .Name 2 3}}][{{pad \"\" 2 2}}][{{truncate .ID 12}}][{{truncate .Name 99}}]", "out": "[  /todo1   ][][5e57e2b69b00][/todo1]"},
	{"kind": "tpl", "data": "c1", "tpl": "{{json .Config.Labels}} {{json .Name}} {{json .State.Health}} {{json .SizeRw}}", "out": "{\"Maintainer\":\"<ops&dev>\",\"app\":\"todo\",\"version\":\"1.0\"} \"/todo1\" {\"Status\":\"healthy\",\"FailingStreak\":0} null"},
	{"kind": "tpl", "data": "c1", "tpl": "{{printf \"%s|%d|%v|%x|%q|%T\" .Name .Name .State.Running .State.Pid .Config.Cmd .Mounts}}", "out": "/todo1|%!d(string=/todo1)|true|1092|[\"dotnet\" \"ToDoList.dll\"]|[]main.MountPoint"},
	{"kind": "tpl", "data": "c1", "tpl": "{{printf \"%-8s|%8s|%05d|%+d|%X|%o|%b|%e|%g|%.3g|%8.3f|%t|%c|%U\" \"ab\" \"cd\" 42 7 255 8 5 1234.5678 0.000012 3.14159 2.5 true 65 9731}}", "out": "ab      |      cd|00042|+7|FF|10|101|1.234568e+03|1.2e-05|3.14|   2.500|true|A|U+2603"},
	{"kind": "tpl", "data": "c1", "tpl": "{{printf \"%s %s\" .Name}}|{{printf \"%d\" 1 2}}|{{printf \"%v %s\" nil nil}}|{{printf \"%!\"}}|{{printf \"100%%\"}}", "out": "/todo1 %!s(MISSING)|1%!(EXTRA int=2)|<nil> %!s(<nil>)|%!!(MISSING)|100%"},
	{"kind": "tpl", "data": "c1", "tpl": "{{printf \"%v|%+v\" .Config.Volumes (index .Mounts 0)}}", "out": "map[/data:{}]|{Type:volume Name:b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30 Source:/var/lib/docker/volumes/b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30/_data Destination:/data Driver:local Mode: RW:true Propagation:}"},
	{"kind": "tpl", "data": "c1", "tpl": "{{print 1 2 \"a\" \"b\" 3 .State.Running}}|{{println \"x\" 1}}|{{print .State}}", "out": "1 2ab3 true|x 1\n|&{running true 4242 0 2026-11-27T13:45:00.00798517Z 0001-01-01T00:00:00Z 0xADDR}"},
	{"kind": "tpl", "data": "c1", "tpl": "{{and .Name .State.Pid}} {{and .Name 0 .Foo}} {{or \"\" .Config.Labels.nope \"dflt\"}} {{not .State.Running}}", "out": "4242 0 dflt false"},
	{"kind": "tpl", "data": "c1", "tpl": "{{range $i, $e := .Config.Env}}{{if eq $i 1}}{{break}}{{end}}{{$e}}{{end}}|{{range .Args}}{{continue}}x{{end}}", "out": "PATH=/usr/bin:/bin|"},
	{"kind": "tpl", "data": "c1", "tpl": "{{1e3}} {{0x10}} {{'a'}} {{1.5}} {{-7}} {{\"q\\tq\"}} {{true}} {{010}} {{0b101}} {{1_000}}", "out": "1000 16 97 1.5 -7 q\tq true 8 5 1000"},
	{"kind": "tpl", "data": "c1", "tpl": "{{lt .State.Pid 5000}} {{gt \"b\" \"a\"}} {{le 2 2}} {{ge 1.5 2.0}} {{ne .Name \"/x\"}} {{eq .State.Pid 1 2 4242}}", "out": "true true true false true true"},
	{"kind": "tpl", "data": "c1", "tpl": "{{html .Config.Labels.Maintainer}} {{js \"it's <b>\"}} {{urlquery \"a b&c=d/é\"}}", "out": "&lt;ops&amp;dev&gt; it\\'s \\u003Cb\\u003E a+b%26c%3Dd%2F%C3%A9"},
	{"kind": "tpl", "data": "c1", "tpl": "{{slice .Name 1 3}} {{slice .Args 0 1}} {{index .Name 1}} {{index .Config.Env 1}}", "out": "to [ToDoList.dll] 116 APP=todo"},
	{"kind": "tpl", "data": "c1", "tpl": "{{define \"m\"}}[{{.Destination}}]{{end}}{{range .Mounts}}{{template \"m\" .}}{{end}}{{block \"b\" .Name}}<{{.}}>{{end}}", "out": "[/data]</todo1>"},
	{"kind": "tpl", "data": "c1", "tpl": "{{.Foo}}", "out": "", "err": "template: :1:2: executing \"\" at <.Foo>: can't evaluate field Foo in type *main.Container"},
	{"kind": "tpl", "data": "c1", "tpl": "{{.State.Foo}}", "out": "", "err": "template: :1:8: executing \"\" at <.State.Foo>: can't evaluate field Foo in type *main.State"},
	{"kind": "tpl", "data": "c1", "tpl": "{{.Name.Foo}}", "out": "", "err": "template: :1:7: executing \"\" at <.Name.Foo>: can't evaluate field Foo in type string"},
	{"kind": "tpl", "data": "c1", "tpl": "{{index .Args 1}}", "out": "", "err": "template: :1:2: executing \"\" at <index .Args 1>: error calling index: reflect: slice index out of range"},
	{"kind": "tpl", "data": "c1", "tpl": "{{index .Args 5}}", "out": "", "err": "template: :1:2: executing \"\" at <index .Args 5>: error calling index: index out of range: 5"},
	{"kind": "tpl", "data": "c1", "tpl": "{{index .Config.Labels 1}}", "out": "", "err": "template: :1:2: executing \"\" at <index .Config.Labels 1>: error calling index: value has type int; should be string"},
	{"kind": "tpl", "data": "c1", "tpl": "{{upper (index .Mounts 0).Type}}", "out": "", "err": "template: :1:23: executing \"\" at <0>: wrong type for value; expected string; got main.MountType"},
	{"kind": "tpl", "data": "c1", "tpl": "{{upper .State.Pid}}", "out": "", "err": "template: :1:14: executing \"\" at <.State.Pid>: wrong type for value; expected string; got int"},
	{"kind": "tpl", "data": "c1", "tpl": "{{len .State.Pid}}", "out": "", "err": "template: :1:2: executing \"\" at <len .State.Pid>: error calling len: len of type int"},
	{"kind": "tpl", "data": "c1", "tpl": "{{eq .Mounts .Args}}", "out": "", "err": "template: :1:2: executing \"\" at <eq .Mounts .Args>: error calling eq: non-comparable type [ToDoList.dll]: []string"},
	{"kind": "tpl", "data": "c1", "tpl": "{{lt true false}}", "out": "", "err": "template: :1:2: executing \"\" at <lt true false>: error calling lt: invalid type for comparison"},
	{"kind": "tpl", "data": "c1", "tpl": "{{range .Name}}{{end}}", "out": "", "err": "template: :1:8: executing \"\" at <.Name>: range can't iterate over /todo1"},
	{"kind": "tpl", "data": "c1", "tpl": "{{.Name 1}}", "out": "", "err": "template: :1:2: executing \"\" at <.Name>: Name has arguments but cannot be invoked as function"},
	{"kind": "tpl", "data": "c1", "tpl": "{{printf}}", "out": "", "err": "template: :1:2: executing \"\" at <printf>: wrong number of args for printf: want at least 1 got 0"},
	{"kind": "tpl", "data": "c1", "tpl": "{{truncate .Name -1}}", "out": "", "err": "template: :1:2: executing \"\" at <truncate .Name -1>: error calling truncate: runtime error: slice bounds out of range [:-1]"},
	{"kind": "tpl", "data": "c1", "tpl": "x\n{{.State.Status}}\n  {{.State.Nope}}", "out": "x\nrunning\n  ", "err": "template: :3:10: executing \"\" at <.State.Nope>: can't evaluate field Nope in type *main.State"},
	{"kind": "tpl", "data": "c1", "tpl": "{{.Foo", "out": "", "err": "template: :1: unclosed action"},
	{"kind": "tpl", "data": "c1", "tpl": "{{.Foo}", "out": "", "err": "template: :1: bad character U+007D '}'"},
	{"kind": "tpl", "data": "c1", "tpl": "{{if .Name}}", "out": "", "err": "template: :1: unexpected EOF"},
	{"kind": "tpl", "data": "c1", "tpl": "{{end}}", "out": "", "err": "template: :1: unexpected {{end}}"},
	{"kind": "tpl", "data": "c1", "tpl": "{{else}}", "out": "", "err": "template: :1: unexpected {{else}}"},
	{"kind": "tpl", "data": "c1", "tpl": "{{foo}}", "out": "", "err": "template: :1: function \"foo\" not defined"},
	{"kind": "tpl", "data": "c1", "tpl": "{{$x}}", "out": "", "err": "template: :1: undefined variable \"$x\""},
	{"kind": "tpl", "data": "c1", "tpl": "{{}}", "out": "", "err": "template: :1: missing value for command"},
	{"kind": "tpl", "data": "c1", "tpl": "{{.Name | \"x\"}}", "out": "", "err": "template: :1: non executable command in pipeline stage 2"},
	{"kind": "tpl", "data": "c1", "tpl": "{{range $a, $b, $c := .Args}}{{end}}", "out": "", "err": "template: :1: too many declarations in range"},
	{"kind": "tpl", "data": "c1", "tpl": "{{break}}", "out": "", "err": "template: :1: {{break}} outside {{range}}"},
	{"kind": "tpl", "data": "c1", "tpl": "{{/* x", "out": "", "err": "template: :1: unclosed comment"},
	{"kind": "tpl", "data": "c1", "tpl": "{{\"abc}}", "out": "", "err": "template: :1: unterminated quoted string"},
	{"kind": "tpl", "data": "c1", "tpl": "{{(.Name}}", "out": "", "err": "template: :1: unclosed left paren"},
	{"kind": "tpl", "data": "c1", "tpl": "{{.Name)}}", "out": "", "err": "template: :1: unexpected \")\" in command"},
	{"kind": "tpl", "data": "c1", "tpl": "{{3 .Name}}", "out": "", "err": "template: :1:2: executing \"\" at <3>: can't give argument to non-function 3"},
	{"kind": "tpl", "data": "c1", "tpl": "{{.Name\n}}", "out": "/todo1"},
	{"kind": "tpl", "data": "c1", "tpl": "line1\nline2 {{if}}", "out": "", "err": "template: :2: missing value for if"},
	{"kind": "tpl", "data": "c2", "tpl": "{{.Mounts}}|{{json .Mounts}}|{{.Config.Volumes}}|{{json .Config.Volumes}}|{{.Config.Labels}}|{{json .Config.Labels}}", "out": "[]|[]|map[]|null|map[]|{}"},
	{"kind": "tpl", "data": "c2", "tpl": "{{range .Mounts}}x{{else}}no mounts{{end}}|{{with .State.Health}}{{.Status}}{{else}}no health{{end}}|{{.State.Health}}", "out": "no mounts|no health|<nil>"},
	{"kind": "tpl", "data": "c2", "tpl": "{{.State.Health.Status}}", "out": "", "err": "template: :1:8: executing \"\" at <.State.Health.Status>: nil pointer evaluating *main.Health.Status"},
	{"kind": "tpl", "data": "c2", "tpl": "{{len .Config.Volumes}}", "out": "0"},
	{"kind": "tpl", "data": "c2", "tpl": "{{index .Config.Volumes \"x\"}}", "out": "{}"},
	{"kind": "tpl", "data": "c2", "tpl": "{{json .Config}}", "out": "{\"Hostname\":\"c0f689b4362c\",\"Env\":[\"PATH=/usr/bin:/bin\"],\"Cmd\":[\"/bin/sh\",\"-c\",\"./random.sh\"],\"Image\":\"diamol/ch06-random-number\",\"Volumes\":null,\"WorkingDir\":\"/random\",\"Entrypoint\":null,\"Labels\":{}}"},
	{"kind": "tpl", "data": "misc", "tpl": "{{.}}", "out": "{hi there  x false 0 7 2.5 [] [] map[] map[] <nil> 0xADDR 42 <nil> 2024-05-01 10:00:00.1234 +0000 UTC 0001-01-01 00:00:00 +0000 UTC {0} <a href=\"x\">&</a> map[b:true f:1.5 l:[1 two] n:<nil> s:x]}"},
	{"kind": "tpl", "data": "misc", "tpl": "{{.Ptr}} {{.NilPtr}} {{.Iface}} {{.NilIface}} {{.T}} {{.Zero}} {{.U}} {{.F}}", "out": "{3} <nil> 42 <no value> 2024-05-01 10:00:00.1234 +0000 UTC 0001-01-01 00:00:00 +0000 UTC 7 2.5"},
	{"kind": "tpl", "data": "misc", "tpl": "{{.Any}} {{.Any.l}} {{index .Any.l 1}} {{.Any.n}} {{.Any.missing}} {{index .Any \"missing\"}}", "out": "map[b:true f:1.5 l:[1 two] n:<nil> s:x] [1 two] two <no value> <no value> <no value>"},
	{"kind": "tpl", "data": "misc", "tpl": "{{.NilPtr.N}}", "out": "", "err": "template: :1:9: executing \"\" at <.NilPtr.N>: nil pointer evaluating *main.Inner.N"},
	{"kind": "tpl", "data": "misc", "tpl": "{{.Any.s.X}}", "out": "", "err": "template: :1:6: executing \"\" at <.Any.s.X>: can't evaluate field X in type interface {}"},
	{"kind": "tpl", "data": "misc", "tpl": "{{.NilIface.X}}", "out": "", "err": "template: :1:11: executing \"\" at <.NilIface.X>: nil pointer evaluating interface {}.X"},
	{"kind": "tpl", "data": "misc", "tpl": "{{json .Any}}", "out": "{\"b\":true,\"f\":1.5,\"l\":[1,\"two\"],\"n\":null,\"s\":\"x\"}"},
	{"kind": "tpl", "data": "misc", "tpl": "{{printf \"%v %d %s\" .Ptr .Ptr .NilPtr}}", "out": "&{3} &{3} %!s(*main.Inner=<nil>)"},
	{"kind": "tpl", "data": "misc", "tpl": "{{range $k, $v := .Any}}{{$k}}:{{$v}} {{end}}", "out": "b:true f:1.5 l:[1 two] n:<no value> s:x "},
	{"kind": "tpl", "data": "misc", "tpl": "{{eq .U 7}} {{eq .Iface 42}} {{eq .NilPtr nil}}", "out": "true true true"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%v|%+v|%d|%s\" .P .Sl .Sl .Sl}}", "out": "&{1 a}|[{N:2 S:b}]|[{2 %!d(string=b)}]|[{%!s(int=2) b}]"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%x|%X|%#x|%#o|%08.3f|%-8.2f|%+.1e|%G\" .I .U .U .U .F .F .F .F}}", "out": "-2a|C8|0xc8|0310|-003.250|-3.25   |-3.2e+00|-3.25"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%q|%+q|%#q|%x|% x|%X|%.2s|%5.1s|%-5s|\" .S .S .S .S .S .S .S .S \"ab\"}}", "out": "\"héllo\\\"x\"|\"h\\u00e9llo\\\"x\"|`héllo\"x`|68c3a96c6c6f2278|68 c3 a9 6c 6c 6f 22 78|68C3A96C6C6F2278|hé|    h|ab   |"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%t|%v|%s|%d\" .B .B .B .B}}", "out": "true|true|%!s(bool=true)|%!d(bool=true)"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%v|%s|%d\" .M .M .E}}", "out": "map[k:<nil>]|map[k:%!s(*main.In=<nil>)]|[%!d(string=x) %!d(string=y)]"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%v %v %v %v\" .A .N .E .I}}", "out": "map[f:2 i:1 m:map[z:[]] s:t] <nil> [x y] -42"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%c|%q|%U|%#U\" 9731 9731 9731 9731}}", "out": "☃|'☃'|U+2603|U+2603 '☃'"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%6.2v|%.3v|%10.4g|%g|%g\" .F .S 123.456789 1e-7 1e21}}", "out": "  -3.2|hél|     123.5|1e-07|1e+21"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%*d|%-*d|%.*f\" 5 1 5 2 2 3.14159}}", "out": "    1|2    |3.14"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%[2]s %[1]s\" \"a\" \"b\"}}", "out": "b a"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%p\" .P | len}}", "out": "12"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%T %T %T %T %T %T\" .I .U .Sl .M .A .N}}", "out": "int uint8 []main.In map[string]*main.In map[string]interface {} *main.In"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%s\" .A.i}} {{printf \"%d\" .A.f}} {{printf \"%v\" .A.m}}", "out": "%!s(int=1) %!d(float64=2) map[z:[]]"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%05s|%5t|%-5v|\" \"ab\" true 1}}", "out": "000ab| true|1    |"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%e|%E|%.0f|%.0e|%#g\" 0.0 100.0 0.5 15.0 1.0}}", "out": "0.000000e+00|1.000000E+02|0|2e+01|1.00000"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%08.3f|%+08d|% d|%x\" -3.5 42 42 -255}}", "out": "-003.500|+0000042| 42|-ff"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%.1f|%.1f|%.2f|%.0f|%.0f\" 0.05 0.25 1.005 1.5 2.5}}", "out": "0.1|0.2|1.00|2|2"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%v\" 1e100}}|{{1e100}}|{{printf \"%v|%v\" 5e-324 1.7976931348623157e308}}", "out": "1e+100|1e+100|5e-324|1.7976931348623157e+308"},
	{"kind": "tpl", "data": "d", "tpl": "{{.A}}|{{.A.m}}|{{.A.m.z}}|{{len .A.m.z}}", "out": "map[f:2 i:1 m:map[z:[]] s:t]|map[z:[]]|[]|0"},
	{"kind": "tpl", "data": "d", "tpl": "{{split \"a,b,,c\" \",\"}}|{{split \"\" \",\"}}|{{split \"héllo\" \"\"}}|{{len (split \"a b\" \" \")}}", "out": "[a b  c]|[]|[h é l l o]|2"},
	{"kind": "tpl", "data": "d", "tpl": "{{.Sl}}|{{.M}}|{{index .M \"k\"}}|{{index .M \"nope\"}}|{{.M.k}}", "out": "[{2 b}]|map[k:<nil>]|<nil>|<nil>|<nil>"},
	{"kind": "tpl", "data": "d", "tpl": "{{with .P}}{{.N}}{{.S}}{{end}}|{{with $x := .P}}{{$x.N}}{{end}}|{{range $i, $e := .E}}{{$i}}{{$e}}{{end}}", "out": "1a|1|0x1y"},
	{"kind": "tpl", "data": "d", "tpl": "{{if and .B (not .N)}}yes{{end}}|{{if or .N .E}}or{{end}}|{{and}}", "out": "yes|or|", "err": "template: :1:60: executing \"\" at <and>: wrong number of args for and: want at least 1 got 0"},
	{"kind": "tpl", "data": "d", "tpl": "{{.I | printf \"%d\" | len}}|{{\"x\" | printf \"%s%s\" \"y\"}}", "out": "3|yx"},
	{"kind": "tpl", "data": "d", "tpl": "{{.P.N | printf \"%03d\"}} {{$.P.S}} {{(.P).S}} {{(index .Sl 0).N}}", "out": "001 a a 2"},
	{"kind": "tpl", "data": "d", "tpl": "{{index .A \"m\" \"z\"}}|{{index .Sl 0 \"N\"}}", "out": "[]|", "err": "template: :1:23: executing \"\" at <index .Sl 0 \"N\">: error calling index: can't index item of type main.In"},
	{"kind": "tpl", "data": "d", "tpl": "{{slice .E 1}}|{{slice .S 1 3}}|{{slice .E 2 1}}", "out": "[y]|é|", "err": "template: :1:34: executing \"\" at <slice .E 2 1>: error calling slice: invalid slice index: 2 > 1"},
	{"kind": "tpl", "data": "d", "tpl": "{{html \"<x>\" 1 \"y\"}}|{{js \"\\u2028é\\x01\"}}|{{urlquery 1 2}}|{{print nil}}|{{print \"a\" nil 1}}", "out": "&lt;x&gt;1y|\\u2028é\\u0001|1+2|<nil>|a<nil> 1"},
	{"kind": "tpl", "data": "d", "tpl": "{{not 0}} {{not \"\"}} {{not .Sl}} {{not .P}} {{not .N}}", "out": "true true false false true"},
	{"kind": "tpl", "data": "d", "tpl": "{{le .I 0}} {{lt .U 201}} {{lt .I .U}} {{lt 1.5 2}} {{gt \"abc\" \"abd\"}} {{lt .S 1}}", "out": "true true true ", "err": "template: :1:41: executing \"\" at <lt 1.5 2>: error calling lt: incompatible types for comparison"},
	{"kind": "tpl", "data": "d", "tpl": "{{$x := 1}}{{$x := 2}}{{$x}}", "out": "2"},
	{"kind": "tpl", "data": "d", "tpl": "{{range .E}}{{$y := .}}{{end}}{{$y}}", "out": "", "err": "template: :1: undefined variable \"$y\""},
	{"kind": "tpl", "data": "d", "tpl": "{{range $i, $e := .E}}{{$i = 5}}{{end}}", "out": ""},
	{"kind": "tpl", "data": "d", "tpl": "{{- \" a \" -}} {{- 3 -}}", "out": " a 3"},
	{"kind": "tpl", "data": "d", "tpl": "{{-3}}|{{- -3}}|{{ -3 }}|{{3 -}} x", "out": "-3|-3|-3|3x"},
	{"kind": "tpl", "data": "d", "tpl": "{{\"\\x41\\101\\u00e9\"}}|{{`raw\\n`}}|{{'\\n'}}|{{'\\''}}", "out": "AAé|raw\\n|10|39"},
	{"kind": "tpl", "data": "d", "tpl": "{{.S.X.Y}}", "out": "", "err": "template: :1:4: executing \"\" at <.S.X.Y>: can't evaluate field X in type string"},
	{"kind": "tpl", "data": "d", "tpl": "{{.P.Q}}", "out": "", "err": "template: :1:4: executing \"\" at <.P.Q>: can't evaluate field Q in type *main.In"},
	{"kind": "tpl", "data": "d", "tpl": "{{.N.N}}", "out": "", "err": "template: :1:4: executing \"\" at <.N.N>: nil pointer evaluating *main.In.N"},
	{"kind": "tpl", "data": "d", "tpl": "{{index .I 1}}", "out": "", "err": "template: :1:2: executing \"\" at <index .I 1>: error calling index: can't index item of type int"},
	{"kind": "tpl", "data": "d", "tpl": "{{len .N}}", "out": "", "err": "template: :1:2: executing \"\" at <len .N>: error calling len: len of nil pointer"},
	{"kind": "tpl", "data": "d", "tpl": "{{len nil}}", "out": "", "err": "template: :1:2: executing \"\" at <len nil>: error calling len: reflect: call of reflect.Value.Type on zero Value"},
	{"kind": "tpl", "data": "d", "tpl": "{{index nil 1}}", "out": "", "err": "template: :1:2: executing \"\" at <index nil 1>: error calling index: index of untyped nil"},
	{"kind": "tpl", "data": "d", "tpl": "{{eq}}", "out": "", "err": "template: :1:2: executing \"\" at <eq>: wrong number of args for eq: want at least 1 got 0"},
	{"kind": "tpl", "data": "d", "tpl": "{{.I.Foo 1}}", "out": "", "err": "template: :1:4: executing \"\" at <.I.Foo>: can't evaluate field Foo in type int"},
	{"kind": "tpl", "data": "d", "tpl": "{{json .A | printf \"%s\" | len}}", "out": "34"},
	{"kind": "tpl", "data": "d", "tpl": "{{template \"nope\"}}", "out": "", "err": "template: :1:11: executing \"\" at <{{template \"nope\"}}>: template \"nope\" not defined"},
	{"kind": "tpl", "data": "d", "tpl": "{{define \"a\"}}{{end}}{{define \"a\"}}x{{end}}", "out": ""},
	{"kind": "tpl", "data": "d", "tpl": "{{range .E}}{{break 1}}{{end}}", "out": "", "err": "template: :1: unexpected \"1\" in {{break}}"},
	{"kind": "tpl", "data": "d", "tpl": "{{with .P}}{{continue}}{{end}}", "out": "", "err": "template: :1: {{continue}} outside {{range}}"},
	{"kind": "tpl", "data": "d", "tpl": "{{$x := 1}}{{$y := 2}}{{$x $y}}", "out": "", "err": "template: :1:24: executing \"\" at <$x>: can't give argument to non-function $x"},
	{"kind": "tpl", "data": "d", "tpl": "{{.E 1}}", "out": "", "err": "template: :1:2: executing \"\" at <.E>: E has arguments but cannot be invoked as function"},
	{"kind": "tpl", "data": "d", "tpl": "{{nil}}", "out": "", "err": "template: :1:2: executing \"\" at <nil>: nil is not a command"},
	{"kind": "tpl", "data": "d", "tpl": "{{1 | printf}}", "out": "", "err": "template: :1:6: executing \"\" at <printf>: wrong type for value; expected string; got int"},
	{"kind": "tpl", "data": "d", "tpl": "{{printf \"%d\" (1)}} {{(1)}}", "out": "1 1"},
	{"kind": "tpl", "data": "d", "tpl": "{{.A.nosuch.deeper}}", "out": "<no value>"},
	{"kind": "tpl", "data": "d", "tpl": "{{or 0 .A.nosuch}}", "out": "<no value>"},
	{"kind": "tpl", "data": "d", "tpl": "{{\"a\" | eq \"a\"}}", "out": "true"},
	{"kind": "tpl", "data": "d", "tpl": "{{0.5e1}} {{-0x1p2}} {{.5}} {{1e-7}} {{0x1F}} {{0o17}} {{-0}}", "out": "5 -4 0.5 1e-07 31 15 0"},
	{"kind": "tpl", "data": "d", "tpl": "{{9223372036854775808}}", "out": "", "err": "template: :1:2: executing \"\" at <9223372036854775808>: 9223372036854775808 overflows int"},
	{"kind": "tpl", "data": "d", "tpl": "{{1.}}", "out": "1"},
	{"kind": "tpl", "data": "d", "tpl": "{{08}}", "out": "", "err": "template: :1: integer overflow: \"08\""},
	{"kind": "tpl", "data": "d", "tpl": "{{'ab'}}", "out": "", "err": "template: :1: malformed character constant: 'ab'"},
	{"kind": "tpl", "data": "d", "tpl": "{{\"\\z\"}}", "out": "", "err": "template: :1: invalid syntax"},
	{"kind": "tpl", "data": "d", "tpl": "{{if 1}}{{else}}{{else}}{{end}}", "out": "", "err": "template: :1: expected end; found {{else}}"},
	{"kind": "tpl", "data": "d", "tpl": "{{range 1 2}}{{end}}", "out": "", "err": "template: :1:8: executing \"\" at <1>: can't give argument to non-function 1"},
	{"kind": "tpl", "data": "d", "tpl": "{{with $x, $y := .E}}{{end}}", "out": "", "err": "template: :1: too many declarations in with"},
	{"kind": "tpl", "data": "d", "tpl": "{{.A.i | printf \"%T\"}}", "out": "int"},
	{"kind": "docker", "data": "c1", "tpl": "{{.Id}}", "out": "5e57e2b69b000afa130283ae6a1883efcf34c86abec1d027c916e02741f23d37\n"},
	{"kind": "docker", "data": "c1", "tpl": "{{.ID}}", "out": "5e57e2b69b000afa130283ae6a1883efcf34c86abec1d027c916e02741f23d37\n"},
	{"kind": "docker", "data": "c1", "tpl": "{{.Id}} {{.State}}", "out": "5e57e2b69b000afa130283ae6a1883efcf34c86abec1d027c916e02741f23d37 map[ExitCode:0 FinishedAt:0001-01-01T00:00:00Z Health:map[FailingStreak:0 Status:healthy] Pid:4242 Running:true StartedAt:2026-11-27T13:45:00.00798517Z Status:running]\n"},
	{"kind": "docker", "data": "c1", "tpl": "{{.Foo}}", "out": "\n", "err": "template parsing error: template: :1:2: executing \"\" at <.Foo>: map has no entry for key \"Foo\"\n", "code": 1},
	{"kind": "docker", "data": "c2", "tpl": "{{.State.Health.Status}}", "out": "\n", "err": "template parsing error: template: :1:8: executing \"\" at <.State.Health.Status>: map has no entry for key \"Health\"\n", "code": 1},
	{"kind": "docker", "data": "c1,c2", "tpl": "{{.Name}} {{.State.Pid}}", "out": "/todo1 4242\n/rn1 0\n"},
	{"kind": "docker", "data": "c1,c2", "tpl": "{{.State.Health.Status}}", "out": "healthy\n", "err": "template parsing error: template: :1:8: executing \"\" at <.State.Health.Status>: map has no entry for key \"Health\"\n", "code": 1},
	{"kind": "docker", "data": "c1", "tpl": "{{.Id}} {{.State.Pid}} {{json .State.Pid}} {{.Mounts}}", "out": "5e57e2b69b000afa130283ae6a1883efcf34c86abec1d027c916e02741f23d37 4242 4242 [map[Destination:/data Driver:local Mode: Name:b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30 Propagation: RW:true Source:/var/lib/docker/volumes/b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30/_data Type:volume]]\n"},
	{"kind": "docker", "data": "c1", "tpl": "{{if", "out": "", "err": "template parsing error: template: :1: unclosed action\n", "code": 64},
	{"kind": "docker", "data": "c1", "tpl": "{{.Id}} {{join .Args \",\"}}", "out": "\n", "err": "template parsing error: template: :1:15: executing \"\" at <.Args>: wrong type for value; expected []string; got []interface {}\n", "code": 1},
	{"kind": "docker", "data": "c2", "tpl": "{{range .Mounts}}{{.}}{{end}}", "out": "\n"},
	{"kind": "docker", "data": "v1", "tpl": "{{.Mountpoint}} {{.Labels}} {{.Options.x}}", "out": "/var/lib/docker/volumes/b310af79e0c2a6df2bb4fa61f8a7d37bd5f0e4fc5a74b8e8e3d1c2a0c4f21f30/_data map[] <no value>\n"},
	{"kind": "docker", "data": "v1", "tpl": "{{.CreatedAt}}", "out": "2026-11-27T13:45:03Z\n"},
];

const MODERN_GO: Record<string, Partial<GoCase>> = {
	// Newer Go's lex.go reports a stray ')' from the lexer: `return l.errorf("unexpected right paren")`
	// (Go 1.19 emitted the ')' token first, so its parser said `unexpected ")" in command`).
	'{{.Name)}}': {err: 'template: :1: unexpected right paren'},
	// Newer Go's funcs.go lt: `fmt.Errorf("incompatible types for comparison: %v and %v", arg1.Type(), arg2.Type())`.
	'{{le .I 0}} {{lt .U 201}} {{lt .I .U}} {{lt 1.5 2}} {{gt "abc" "abd"}} {{lt .S 1}}': {
		err: 'template: :1:41: executing "" at <lt 1.5 2>: error calling lt: incompatible types for comparison: float64 and int',
	},
};

describe('text/template matches Go (fixtures/goref/main.go)', () => {
	const tplCases = GO_CASES.filter(c => c.kind === 'tpl').map(c => ({...c, ...MODERN_GO[c.tpl]}));
	it.each(tplCases.map(c => [`${c.data} ${JSON.stringify(c.tpl)}`, c] as const))('%s', (_name, c) => {
		const r = renderTemplate(c.tpl, data[c.data]!());
		const got = r.ok ? {out: normalizeAddresses(r.text), err: undefined} : {out: normalizeAddresses(r.partial), err: r.error};
		expect(got).toEqual({out: c.out ?? '', err: c.err});
	});
});

describe('docker inspect --format matches the CLI flow in Go', () => {
	const dockerCases = GO_CASES.filter(c => c.kind === 'docker');
	it.each(dockerCases.map(c => [`${c.data} ${JSON.stringify(c.tpl)}`, c] as const))('%s', (_name, c) => {
		const r = dockerInspectFormat(
			c.tpl,
			c.data.split(',').map(n => data[n]!()),
		);
		expect({stdout: normalizeAddresses(r.stdout), stderr: r.stderr, exitCode: r.exitCode}).toEqual({stdout: c.out, stderr: c.err ?? '', exitCode: c.code ?? 0});
	});
});

describe('Docker behaviour worth knowing', () => {
	it('a field missing from the typed object is retried on the JSON map, so the error is "map has no entry"', () => {
		const r = dockerInspectFormat('{{.State.Health.Status}}', [data.c2!()]);
		expect(r.stderr).toBe('template parsing error: template: :1:8: executing "" at <.State.Health.Status>: map has no entry for key "Health"\n');
		expect(r.stdout).toBe('\n');
		expect(r.exitCode).toBe(1);
	});
	it('{{.Id}} works only thanks to that fallback (the Go field is ID, its JSON name Id)', () => {
		expect(renderTemplate('{{.Id}}', data.c1!())).toMatchObject({ok: false});
		expect(dockerInspectFormat('{{.Id}}', [data.c1!()]).stdout).toBe('5e57e2b69b000afa130283ae6a1883efcf34c86abec1d027c916e02741f23d37\n');
	});
	it('a reference that does not exist: [] on stdout, the daemon error on stderr', () => {
		expect(dockerInspectFormat('', [new Error('Error response from daemon: No such container: nosuch')])).toEqual({
			stdout: '[]\n',
			stderr: 'Error response from daemon: No such container: nosuch\n',
			exitCode: 1,
		});
	});
	it('a template that does not parse exits 64', () => {
		expect(dockerInspectFormat('{{.Name', [data.c1!()])).toEqual({stdout: '', stderr: 'template parsing error: template: :1: unclosed action\n', exitCode: 64});
	});
	it('recorded Docker: --format {{.Mounts}} / {{json .Mounts}} / {{.Config.Volumes}}', () => {
		const vol = 'c4de6e5a48936380cd3a47fabc0faac894fb110561cac185251a3e509571c431';
		const mount = struct(
			[
				field('Type', str('volume', 'mount.Type'), {omitempty: true}),
				field('Name', str(vol), {omitempty: true}),
				field('Source', str(`/var/lib/docker/volumes/${vol}/_data`)),
				field('Destination', str('/data')),
				field('Driver', str('local'), {omitempty: true}),
				field('Mode', str('')),
				field('RW', {t: 'bool', v: true}),
				field('Propagation', str('', 'mount.Propagation')),
			],
			'container.MountPoint',
		);
		const todo1 = ptr(struct({Mounts: slice([mount], '[]container.MountPoint'), Config: ptr(struct({Volumes: map({'/data': struct([])}, 'map[string]struct {}')}))}));
		expect(dockerInspectFormat('{{.Mounts}}', [todo1]).stdout).toBe(`[{volume ${vol} /var/lib/docker/volumes/${vol}/_data /data local  true }]\n`);
		expect(dockerInspectFormat('{{json .Mounts}}', [todo1]).stdout).toBe(
			`[{"Type":"volume","Name":"${vol}","Source":"/var/lib/docker/volumes/${vol}/_data","Destination":"/data","Driver":"local","Mode":"","RW":true,"Propagation":""}]\n`,
		);
		expect(dockerInspectFormat('{{.Config.Volumes}}', [todo1]).stdout).toBe('map[/data:{}]\n');
	});
});

describe('newer Go template semantics (from the Go source; the Go 1.19 oracle predates them)', () => {
	it('eq names both types when they are incompatible (funcs.go: "incompatible types for comparison: %v and %v")', () => {
		expect(renderTemplate('{{eq .Name 1}}', data.c1!())).toEqual({
			ok: false,
			error: 'template: :1:2: executing "" at <eq .Name 1>: error calling eq: incompatible types for comparison: string and int',
			partial: '',
		});
	});
	it('range over an integer (exec.go walkRange: reflect.Int kinds, val.Seq())', () => {
		expect(renderTemplate('{{range 3}}{{.}},{{end}}|{{range $i := .}}{{$i}}{{else}}none{{end}}', int(0))).toEqual({ok: true, text: '0,1,2,|none'});
		expect(renderTemplate('{{range $i, $v := 2}}{{end}}', int(0))).toMatchObject({
			ok: false,
			error: 'template: :1:18: executing "" at <2>: can\'t use 2 to iterate over more than one variable',
		});
	});
	it('{{else with}}', () => {
		expect(renderTemplate('{{with .A}}a{{else with .B}}b={{.}}{{else}}none{{end}}', struct({A: str(''), B: str('x')}))).toEqual({ok: true, text: 'b=x'});
	});
});

describe('parseTemplate', () => {
	it('keeps {{define}}d templates beside the main one', () => {
		const p = parseTemplate('{{define "x"}}X{{end}}main');
		expect(p.ok && [...p.template.trees.keys()].sort()).toEqual(['', 'x']);
	});
	it('a named string type is not a string argument (Go assignability)', () => {
		const r = renderTemplate('{{lower .T}}|{{join .L ","}}', struct({T: str('A', 'mount.Type'), L: strings(['a'])}));
		expect(r).toMatchObject({ok: false, error: 'template: :1:8: executing "" at <.T>: wrong type for value; expected string; got mount.Type'});
		expect(renderTemplate('{{join .L ","}}', struct({L: strings(['a', 'b'], 'strslice.StrSlice')}))).toEqual({ok: true, text: 'a,b'});
	});
	it('typed nil values', () => {
		const v: GoValue = struct({P: {t: 'nil', of: 'ptr', type: '*types.Health'}});
		expect(renderTemplate('{{.P.Status}}', v)).toMatchObject({error: 'template: :1:4: executing "" at <.P.Status>: nil pointer evaluating *types.Health.Status'});
	});
});
