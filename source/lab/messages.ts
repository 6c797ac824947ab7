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
