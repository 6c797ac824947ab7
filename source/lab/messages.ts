/**
 * THE message catalog: every text of the lab's own (not the lessons', not Docker's), in every
 * language the lab speaks. The compiler requires each message in each language; a test checks none
 * is empty and that the placeholders agree. `{name}` is replaced by `vars.name`.
 */

export const LANGUAGES = {en: 'English', ko: '한국어'} as const;
export type Lang = keyof typeof LANGUAGES;

const MESSAGES = {
	// Title bar and the scenario list.
	'title.pick': {en: 'Learn Docker in a Month of Lunches · chapter 6 · pick a scenario', ko: '도커 교과서 · 6장 · 시나리오를 고르자'},
	'title.step': {en: 'step {n}/{total}', ko: '{total}단계 중 {n}'},
	'title.complete': {en: ' complete', ko: ' 완료'},
	'title.history': {en: 'history {position}/{length}', ko: '기록 {position}/{length}'},
	'picker.title': {en: 'Scenarios', ko: '시나리오'},
	'picker.info': {en: '{count} · chapter 6', ko: '{count}개 · 6장'},
	'picker.steps': {en: '{count} steps', ko: '{count}단계'},
	'picker.new': {en: 'new', ko: '새로 시작'},
	'picker.done': {en: '✓ done', ko: '✓ 완료'},
	'picker.progress': {en: 'step {n} · {done}/{total} done', ko: '{n}단계 · {done}/{total} 완료'},
	'picker.free': {en: 'free lab', ko: '자유 실습'},
	'picker.freeSaved': {en: 'free lab · saved', ko: '자유 실습 · 저장됨'},
	'picker.none': {en: 'No scenarios found.', ko: '시나리오가 없다.'},
	// The terminal too small for the lab.
	'small.title': {en: 'terminal too small (need {columns}x{rows})', ko: '터미널이 너무 작다({columns}x{rows} 이상 필요)'},
	'small.hint': {en: 'now {columns}x{rows} · make the window bigger, or press Ctrl+C to leave', ko: '지금 {columns}x{rows} · 창을 키우거나 Ctrl+C로 나가자'},
	// Pane titles.
	'pane.step': {en: 'Step', ko: '단계'},
	'pane.terminal': {en: 'Terminal', ko: '터미널'},
	'pane.layers': {en: 'Layers', ko: '레이어'},
	'pane.containers': {en: 'Containers', ko: '컨테이너'},
	'pane.volumes': {en: 'Volumes', ko: '볼륨'},
	'pane.images': {en: 'Images', ko: '이미지'},
	// The Step pane.
	'step.none': {en: 'This scenario has no steps.', ko: '이 시나리오에는 단계가 없다.'},
	'step.of': {en: 'Step {n} of {total}', ko: '{total}단계 중 {n}단계'},
	'step.done': {en: '  ✓ done', ko: '  ✓ 완료'},
	'step.try': {en: 'Try', ko: '해 보기'},
	'step.checks': {en: 'Checks', ko: '확인'},
	'step.hint': {en: 'Hint {n}/{total}', ko: '힌트 {n}/{total}'},
	'step.stuck': {en: 'Stuck? Esc then h shows a hint ({count} available).', ko: '막혔다면 Esc 다음 h로 힌트를 보자({count}개).'},
	'step.solution': {en: 'Solution', ko: '풀이'},
	'step.earlier': {
		en: '✓ You completed this step earlier; what ran since changed what the checks see.',
		ko: '✓ 이 단계는 앞서 완료했다. 그 뒤에 실행한 명령 때문에 확인 결과가 달라졌다.',
	},
	'step.scenarioComplete': {en: '★ Scenario complete! Esc then m picks another one.', ko: '★ 시나리오 완료! Esc 다음 m으로 다른 시나리오를 고르자.'},
	'step.lastComplete': {en: '★ Step complete! This was the last step.', ko: '★ 단계 완료! 마지막 단계였다.'},
	'step.complete': {en: '★ Step complete! Esc then n: next step.', ko: '★ 단계 완료! Esc 다음 n: 다음 단계.'},
	'step.predict': {en: 'Predict', ko: '예측'},
	'step.predictFirst': {en: '  before you run the command', ko: '  명령을 실행하기 전에'},
	'step.youSaid': {en: 'You said: ', ko: '내 답: '},
	'step.right': {en: '✓ Right!', ko: '✓ 정답!'},
	'step.notQuite': {en: '✗ Not quite — it is: ', ko: '✗ 아쉽다. 정답은: '},
	'step.worldNow': {en: 'In the world now:', ko: '지금 실제 상태:'},
	'step.more': {en: 'more ↓', ko: '더 보기 ↓'},
	// The help bar: a word or two per key (keys.ts labels).
	'bar.close': {en: 'close', ko: '닫기'},
	'bar.scroll': {en: 'scroll', ko: '스크롤'},
	'bar.yes': {en: 'yes', ko: '예'},
	'bar.no': {en: 'no', ko: '아니오'},
	'bar.choose': {en: 'choose', ko: '고르기'},
	'bar.answer': {en: 'answer', ko: '답하기'},
	'bar.open': {en: 'open', ko: '열기'},
	'bar.move': {en: 'move', ko: '이동'},
	'bar.quit': {en: 'quit', ko: '종료'},
	'bar.run': {en: 'run', ko: '실행'},
	'bar.complete': {en: 'complete', ko: '자동 완성'},
	'bar.history': {en: 'history', ko: '기록'},
	'bar.panes': {en: 'panes', ko: '패널'},
	'bar.prompt': {en: 'prompt', ko: '프롬프트'},
	'bar.pane': {en: 'pane', ko: '패널 전환'},
	'bar.open/close': {en: 'open/close', ko: '열기/닫기'},
	'bar.files': {en: 'files', ko: '파일'},
	'bar.select': {en: 'select', ko: '선택'},
	'bar.hint': {en: 'hint', ko: '힌트'},
	'bar.solution': {en: 'solution', ko: '풀이'},
	'bar.next step': {en: 'next step', ko: '다음 단계'},
	'bar.undo': {en: 'undo', ko: '되돌리기'},
	'bar.redo': {en: 'redo', ko: '다시 하기'},
	'bar.help': {en: 'help', ko: '도움말'},
	// Pane title lines (right side).
	'info.step': {en: '{n}/{total} · {done} done', ko: '{n}/{total} · {done}개 완료'},
	'info.containers': {en: '{count} · {running} running', ko: '{count}개 · {running}개 실행 중'},
	'info.volumesAnonymous': {en: '{count} · {anonymous} anonymous', ko: '{count}개 · 익명 {anonymous}개'},
	'info.scrolled': {en: 'scrolled back {rows} · PgDn', ko: '{rows}줄 위 · PgDn'},
	// Questions.
	'confirm.solution': {en: 'Show the solution for this step? Trying first teaches more.', ko: '이 단계의 풀이를 볼까? 먼저 해 보는 편이 더 많이 배운다.'},
	'confirm.reset': {en: 'Undo everything done in this step?', ko: '이 단계에서 한 일을 모두 되돌릴까?'},
	// Notes in the terminal (after the `layerlab: ` prefix).
	'note.allComplete': {en: '★ Step {n} complete — and with it the whole scenario. Well done!', ko: '★ {n}단계 완료. 이것으로 시나리오 전체를 마쳤다. 잘했다!'},
	'note.lastComplete': {en: '★ Step {n} complete! (earlier steps are still open)', ko: '★ {n}단계 완료! (앞 단계 중 아직 남은 것이 있다)'},
	'note.stepComplete': {en: '★ Step {n} complete! Esc then n goes to the next step.', ko: '★ {n}단계 완료! Esc 다음 n으로 다음 단계로 가자.'},
	'note.predictFirst': {
		en: 'First make your prediction in the Step pane (↑/↓ then Enter) — then run the command to see if you were right.',
		ko: '먼저 단계 패널에서 예측하자(↑/↓ 다음 Enter). 그런 다음 명령을 실행해 맞았는지 확인하자.',
	},
	'note.starting': {
		en: 'layerlab is still starting up — press ↑ then Enter to run that again in a moment.',
		ko: 'layerlab이 아직 시작하는 중이다. 잠시 뒤 ↑ 다음 Enter로 다시 실행하자.',
	},
	'note.failed': {en: 'layerlab could not run this line (the world is unchanged): {error}', ko: '이 줄을 실행하지 못했다(상태는 그대로다): {error}'},
	/** A notice from outside the catalog (a save that failed, an unreadable progress file): shown as it is. */
	'note.text': {en: '{text}', ko: '알림: {text}'},
	'note.nothingToUndo': {en: 'Nothing to undo: this is where the scenario starts.', ko: '되돌릴 것이 없다. 시나리오의 시작 지점이다.'},
	'note.undid': {en: '⟲ undid: {line}   ({position}/{length})', ko: '⟲ 되돌림: {line}   ({position}/{length})'},
	'note.nothingToRedo': {en: 'Nothing to redo.', ko: '다시 할 것이 없다.'},
	'note.redid': {en: '⟳ redid: {line}   ({position}/{length})', ko: '⟳ 다시 함: {line}   ({position}/{length})'},
	'note.nothingToReset': {en: 'Nothing to reset: no command has run in this step yet.', ko: '되돌릴 것이 없다. 이 단계에서 아직 실행한 명령이 없다.'},
	'note.reset': {en: '⟲ reset step {n}: undid {count} command{s} (r redoes them one by one)', ko: '⟲ {n}단계 초기화: 명령 {count}개를 되돌렸다(r로 하나씩 다시 할 수 있다)'},
	'note.noHints': {en: 'This step has no hints.', ko: '이 단계에는 힌트가 없다.'},
	'note.lastHint': {en: 'That was the last hint — s shows the solution.', ko: '마지막 힌트였다. s로 풀이를 볼 수 있다.'},
	'note.welcomeBack': {
		en: 'Welcome back — replayed your {count} command line{s}; you are on step {n} of {total}.',
		ko: '다시 왔다. 입력했던 명령 {count}줄을 재생했다. 지금 {total}단계 중 {n}단계다.',
	},
	// Checks, in words (scenario/checks/checks.ts puts these together; `{s}` is English's plural s).
	'check.error': {en: 'could not check this step: {error}', ko: '이 단계를 확인하지 못했다: {error}'},
	'check.shouldBut': {en: '{subject} should {expectation}, but {why}', ko: '{subject}: {expectation} 하는데, {why}'},
	'check.join': {en: ' ', ko: ' 하고 '},
	'check.comma': {en: ', ', ko: ' 하고 '},
	'check.and': {en: ' and ', ko: ' 하고 '},
	'check.more': {en: '{list} and {n} more', ko: '{list} 외 {n}개'},
	'check.it': {en: 'it', ko: '지금은'},
	'check.itNamed': {en: '{name}', ko: '{name} 컨테이너는'},
	'check.container': {en: 'container {name}', ko: '{name} 컨테이너'},
	'check.sel.newest': {en: 'the newest {what}container{port}', ko: '{port}가장 최근의 {what}컨테이너'},
	'check.sel.any': {en: 'a {what}container{port}', ko: '{port}{what}컨테이너'},
	'check.sel.none': {en: 'there is no {what}container{port}', ko: '{port}{what}컨테이너가 없다'},
	'check.sel.port': {en: ' publishing port {port}', ko: '포트 {port}를 게시한 '},
	'check.adj.running': {en: 'running', ko: '실행 중인'},
	'check.adj.exited': {en: 'exited', ko: '종료된'},
	'check.adj.created': {en: 'created', ko: '생성된'},
	'check.is.running': {en: 'running', ko: '실행 중'},
	'check.is.created': {en: 'created', ko: '생성만 된 상태'},
	'check.is.exited': {en: 'exited with code {code}', ko: '종료된 상태(종료 코드 {code})'},
	'check.c.noneByName': {en: 'there is no container {name}{others}', ko: '{name} 컨테이너가 없다{others}'},
	'check.c.others': {en: ' (containers: {list})', ko: ' (있는 컨테이너: {list})'},
	'check.c.noOthers': {en: ' (there are no containers)', ko: ' (컨테이너가 하나도 없다)'},
	'check.c.shouldNotSel': {en: 'there should be no {what}container{port}, but {name} is {state}', ko: '{port}{what}컨테이너가 없어야 하는데, {name} 컨테이너가 있다({state})'},
	'check.c.shouldNot': {en: 'container {name} should not exist, but it does ({state})', ko: '{name} 컨테이너가 없어야 하는데, 아직 있다. 상태: {state}'},
	'check.c.be.running': {en: 'be running', ko: '실행 중이어야'},
	'check.c.be.created': {en: 'be created', ko: '생성만 된 상태여야'},
	'check.c.be.exited': {en: 'be exited', ko: '종료된 상태여야'},
	'check.c.beExitedCode': {en: 'be exited with code {code}', ko: '종료 코드 {code}인 종료 상태여야'},
	'check.c.exitedCode': {en: 'have exited with code {code}', ko: '종료 코드 {code}인 종료 상태여야'},
	'check.c.run': {en: 'run {image}', ko: '{image} 이미지로 실행되어야'},
	'check.c.andRun': {en: 'and run {image}', ko: '{image} 이미지로 실행되어야'},
	'check.c.exist': {en: 'exist', ko: '있어야'},
	'check.c.whyState': {en: '{it} is {state}', ko: '{it} {state}이다'},
	'check.c.whyCode': {en: '{it} exited with code {code}', ko: '{it} 종료 코드가 {code}이다'},
	'check.c.whyImage': {en: '{it} runs {image}', ko: '{it} {image} 이미지로 실행 중이다'},
	'check.c.pass': {en: '{subject} is {state}, from {image}', ko: '{subject}: {state}, {image} 이미지'},
	'check.f.host': {en: '{path} on the host', ko: '호스트의 {path}'},
	'check.f.volume': {en: '{path} in volume {volume}', ko: '{volume} 볼륨의 {path}'},
	'check.f.in': {en: '{path} in {where}', ko: '{where}의 {path}'},
	'check.f.noVolume': {en: 'there is no volume {volume}', ko: '{volume} 볼륨이 없다'},
	'check.f.inName': {en: 'in {name} ', ko: '{name} 컨테이너에서는 '},
	'check.f.notExist': {en: 'not exist', ko: '없어야'},
	'check.f.exist': {en: 'exist', ko: '있어야'},
	'check.f.origin': {en: 'come from {kind}', ko: '{kind}에서 와야'},
	'check.f.hides': {en: 'hide a copy from {kind}', ko: '{kind}의 사본을 가려야'},
	'check.f.content': {en: 'contain {text}', ko: '{text}만 담고 있어야'},
	'check.f.matches': {en: 'have {phrase}', ko: '{phrase}이 있어야'},
	'check.f.whyDoes': {en: 'it does', ko: '있다'},
	'check.f.whyDoesFrom': {en: 'it does (from {origin})', ko: '있다({origin}에서 옴)'},
	'check.f.whyNot': {en: 'it does not', ko: '없다'},
	'check.f.whyFrom': {en: 'it comes from {origin}', ko: '{origin}에서 왔다'},
	'check.f.whyHidesNothing': {en: 'it hides nothing', ko: '가리는 사본이 없다'},
	'check.f.whyHides': {en: 'it hides a copy from {origin}', ko: '{origin}의 사본을 가린다'},
	'check.f.whyFolder': {en: 'it is a folder', ko: '폴더다'},
	'check.f.whyEmpty': {en: 'it is empty', ko: '비어 있다'},
	'check.f.whyContains': {en: 'it contains {text}', ko: '실제 내용은 {text}이다'},
	'check.f.folder': {en: 'is a folder{hides}', ko: '폴더다{hides}'},
	'check.f.folderFrom': {en: 'is a folder from {origin}{hides}', ko: '{origin}의 폴더다{hides}'},
	'check.f.comesFrom': {en: 'comes from {origin}{hides}', ko: '{origin}에서 왔다{hides}'},
	'check.f.exists': {en: 'exists', ko: '있다'},
	'check.f.hiding': {en: ', hiding a copy in {origin}', ko: ' ({origin}의 사본을 가린다)'},
	'check.f.expectedContent': {en: ', with the expected content', ko: ', 내용도 기대한 그대로다'},
	'check.f.andHas': {en: ' and has {phrase}', ko: ', {phrase}도 있다'},
	'check.f.pass': {en: '{subject} {facts}{content}', ko: '{subject}: {facts}{content}'},
	'check.f.absent': {en: '{subject} does not exist', ko: '{subject}: 없다'},
	'origin.rw': {en: 'the writable layer', ko: '기록 가능 레이어'},
	'origin.image': {en: 'image layer {n}', ko: '이미지 레이어 {n}'},
	'origin.init': {en: "Docker's init layer", ko: '도커의 init 레이어'},
	'origin.anonymous': {en: 'anonymous volume {id}', ko: '익명 볼륨 {id}'},
	'origin.volume': {en: 'volume {name}', ko: '{name} 볼륨'},
	'origin.bind': {en: 'a bind mount of {path}', ko: '{path} 바인드 마운트'},
	'kind.rw': {en: 'the writable layer', ko: '기록 가능 레이어'},
	'kind.image': {en: 'an image layer', ko: '이미지 레이어'},
	'kind.init': {en: "Docker's init layer", ko: '도커의 init 레이어'},
	'kind.volume': {en: 'a volume', ko: '볼륨'},
	'kind.bind': {en: 'a bind mount', ko: '바인드 마운트'},
	'check.m.volumeAt': {en: 'volume {source}{mode} at {target}', ko: '{target}에 {source} 볼륨 마운트{mode}'},
	'check.m.roParen': {en: ' (read-only)', ko: '(읽기 전용)'},
	'check.m.rwParen': {en: ' (read-write)', ko: '(읽기-쓰기)'},
	'check.m.expect': {en: 'a {words} at {target}', ko: '{target}에 {words}'},
	'check.m.expectAn': {en: 'an {words} at {target}', ko: '{target}에 {words}'},
	'check.m.expectOf': {en: 'a {words} of {source} at {target}', ko: '{target}에 {words}(원본: {source})'},
	'check.m.expectAnOf': {en: 'an {words} of {source} at {target}', ko: '{target}에 {words}(원본: {source})'},
	'check.m.ro': {en: 'read-only', ko: '읽기 전용'},
	'check.m.rw': {en: 'read-write', ko: '읽기-쓰기'},
	'check.m.named': {en: 'named', ko: '이름 있는'},
	'check.m.anonymous': {en: 'anonymous', ko: '익명'},
	'check.m.bind': {en: 'bind mount', ko: '바인드 마운트'},
	'check.m.volumeMount': {en: 'volume mount', ko: '볼륨 마운트'},
	'check.m.volume': {en: 'volume', ko: '볼륨 마운트'},
	'check.m.shouldBut': {en: '{subject} should have {expectation}, but {why}', ko: '{subject}: {expectation}가 있어야 하는데, {why}'},
	'check.m.noMountAt': {en: '{it} has no mount at {target}{others}', ko: '{it} {target}에 마운트가 없다{others}'},
	'check.m.others': {en: ' (its mounts: {list})', ko: ' (마운트: {list})'},
	'check.m.noMounts': {en: ' (it has no mounts)', ko: ' (마운트가 하나도 없다)'},
	'check.m.isBind': {en: 'the mount there is a bind mount of {source}', ko: '그 자리의 마운트는 {source} 바인드 마운트다'},
	'check.m.isVolume': {en: 'the mount there is {volume}', ko: '그 자리의 마운트는 {volume}이다'},
	'check.m.isRw': {en: '{it} is read-write', ko: '{it} 읽기-쓰기로 마운트되어 있다'},
	'check.m.isRo': {en: '{it} is read-only', ko: '{it} 읽기 전용으로 마운트되어 있다'},
	'check.m.isAnonymous': {en: 'the volume there is anonymous ({id})', ko: '그 자리의 볼륨은 익명 볼륨({id})이다'},
	'check.m.isNamed': {en: 'the volume there is named {name}', ko: '그 자리의 볼륨은 이름 있는 {name} 볼륨이다'},
	'check.m.mounts': {en: '{it} mounts {volume}', ko: '{it} {volume}을 마운트한다'},
	'check.m.sourceIs': {en: 'its source is {source}', ko: '원본이 {source}이다'},
	'check.m.passBind': {en: '{subject} has a {mode} bind mount of {source} at {target}', ko: '{subject}: {target}에 {mode} 바인드 마운트(원본: {source})'},
	'check.m.passVolume': {en: '{subject} has a {mode} mount of {volume} at {target}', ko: '{subject}: {target}에 {mode} 마운트({volume})'},
	'count.container': {en: 'container', ko: '컨테이너'},
	'count.containers': {en: 'containers', ko: '컨테이너'},
	'count.volume': {en: 'volume', ko: '볼륨'},
	'count.volumes': {en: 'volumes', ko: '볼륨'},
	'count.image': {en: 'image', ko: '이미지'},
	'count.images': {en: 'images', ko: '이미지'},
	'count.anonymous': {en: 'anonymous', ko: '익명'},
	'count.named': {en: 'named', ko: '이름 있는'},
	'count.fromImage': {en: '{noun} from {image}', ko: '{image} 이미지로 만든 {noun}'},
	'count.namedImage': {en: '{noun} named {image}', ko: '이름이 {image}인 {noun}'},
	'count.namedName': {en: '{noun} named {name}', ko: '이름이 {name}인 {noun}'},
	'count.exactly': {en: '{n}', ko: '{n}개'},
	'count.between': {en: 'between {a} and {b}', ko: '{a}~{b}개'},
	'count.atLeast': {en: 'at least {n}', ko: '{n}개 이상'},
	'count.atMost': {en: 'at most {n}', ko: '{n}개 이하'},
	'count.shouldBut': {en: 'there should be {wanted} {noun}, but {actual}', ko: '{noun}: {wanted} 있어야 하는데, {actual}'},
	'count.isN': {en: 'there is {n}{list}', ko: '지금은 {n}개다{list}'},
	'count.areN': {en: 'there are {n}{list}', ko: '지금은 {n}개다{list}'},
	'count.passOne': {en: 'there is {n} {noun}{list}', ko: '{noun} {n}개{list}'},
	'count.passMany': {en: 'there are {n} {noun}{list}', ko: '{noun} {n}개{list}'},
	'out.hasPass': {en: 'the last output has {phrase} ({line})', ko: '마지막 출력에 {phrase}이 있다 ({line})'},
	'out.containsPass': {en: 'the last output contains {text} ({line})', ko: '마지막 출력에 {text} 문자열이 있다 ({line})'},
	'out.hasFail': {en: 'the last output should have {phrase}, but {actual}', ko: '마지막 출력에 {phrase}이 있어야 하는데, {actual}'},
	'out.containsFail': {en: 'the last output should contain {text}, but {actual}', ko: '마지막 출력에 {text} 문자열이 있어야 하는데, {actual}'},
	'out.notHasPass': {en: 'the last output does not have {phrase}', ko: '마지막 출력에 {phrase}이 없다'},
	'out.notContainsPass': {en: 'the last output does not contain {text}', ko: '마지막 출력에 {text} 문자열이 없다'},
	'out.notHasFail': {en: 'the last output should not have {phrase}, but it does ({line})', ko: '마지막 출력에 {phrase}이 없어야 하는데, 있다 ({line})'},
	'out.notContainsFail': {en: 'the last output should not contain {text}, but it does ({line})', ko: '마지막 출력에 {text} 문자열이 없어야 하는데, 있다 ({line})'},
	'out.empty': {en: 'it was empty', ko: '출력이 비어 있었다'},
	'out.was': {en: 'it was {text}', ko: '실제 출력은 {text}'},
	'out.wasMore': {en: 'it was {text} and {n} more line{s}', ko: '실제 출력은 {text} 외 {n}줄'},
	'rx.number': {en: 'a number', ko: '숫자'},
	'rx.id': {en: 'an id of {n} hex digits', ko: '16진수 {n}자리 ID'},
	'rx.spaces': {en: 'spaces', ko: '공백'},
	'rx.notFollowed': {en: 'not followed by {text}', ko: '뒤에 {text} 없음'},
	'rx.exactly': {en: 'a line that is exactly {text}', ko: '정확히 {text}인 줄'},
	'rx.starts': {en: 'a line starting with {text}', ko: '맨 앞이 {text}인 줄'},
	'rx.ends': {en: 'a line with {text} at its end', ko: '끝이 {text}인 줄'},
	'rx.has': {en: 'a line with {text}', ko: '{text} 부분이 있는 줄'},
	'rx.raw': {en: 'text matching /{source}/', ko: '/{source}/ 식에 맞는 줄'},
	'rx.lines': {en: 'the lines {list}', ko: '{list} 순서로 이어지는 줄들'},
	'rx.then': {en: ', then ', ko: ' 다음 '},
	// What the world really holds, under an answered prediction.
	'real.noContainer': {en: '{name}: no such container (yet)', ko: '{name}: 그런 컨테이너가 (아직) 없다'},
	'real.notThere': {en: '{path} in {name}: not there', ko: '{name}의 {path}: 없다'},
	'real.from': {en: '{path} in {name}: from {origin}{hidden}', ko: '{name}의 {path}: {origin}에서 옴{hidden}'},
	'real.hiding': {en: ', hiding {list}', ko: ' ({list}의 사본을 가림)'},
	'real.exited': {en: '{name}: exited ({code})', ko: '{name}: 종료됨 ({code})'},
	'real.running': {en: '{name}: running', ko: '{name}: 실행 중'},
	'real.created': {en: '{name}: created', ko: '{name}: 생성됨'},
	'real.noSuch': {en: '{name}: does not exist', ko: '{name}: 없다'},
} satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;
export type Vars = Record<string, string | number>;

/** A message to show later, in whatever language the screen speaks (the lab's notes). */
export interface Message {
	key: MessageKey;
	vars?: Vars;
}

export function isLang(value: string): value is Lang {
	return Object.hasOwn(LANGUAGES, value);
}

export function t(lang: string, key: MessageKey, vars: Vars = {}): string {
	const text = MESSAGES[key][isLang(lang) ? lang : 'en'];
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A message by a key built at run time (`bar.<label>`), or the fallback when the catalog has none. */
export function tOr(lang: string, key: string, fallback: string): string {
	return Object.hasOwn(MESSAGES, key) ? t(lang, key as MessageKey) : fallback;
}

/** Every message, for the catalog's test. */
export function catalog(): Record<string, Record<Lang, string>> {
	return MESSAGES;
}

/** The answer to `--lang` naming a language the lab does not speak. */
export function unknownLanguage(flag: string): string {
	const list = Object.entries(LANGUAGES)
		.map(([code, name]) => `${code} (${name})`)
		.join(', ');
	return `layerlab: no language "${flag}"; the lab speaks ${list}\n`;
}
