/**
 * The sandbox: a free lab with no lesson — the learner's usual host and every catalog image in the
 * registry, the same panes, undo/redo and saved progress of its own (under its id), and `x` to
 * start it over. Offered at the end of the scenario list and by `layerlab play sandbox`.
 */
import type {Scenario} from './types.js';

export const SANDBOX_ID = 'sandbox';

export function sandboxScenario(): Scenario {
	return {
		id: SANDBOX_ID,
		title: {en: 'Sandbox: a free lab, no lesson', ko: '샌드박스: 수업 없는 자유 실습'},
		summary: {
			en: "Try anything: the chapter's images and host folders, every pane, undo and redo — and no checks. Your sandbox is saved like a lesson; **Esc then x** starts it over.",
			ko: '무엇이든 해 보자. 이 장의 이미지와 호스트 폴더, 모든 패널, 되돌리기와 다시 하기가 있고 확인 조건은 없다. 샌드박스도 수업처럼 저장되며, **Esc 다음 x**로 처음부터 다시 시작한다.',
		},
		file: '(built in)',
		images: [],
		world: {seed: 1, pulled: [], hostFiles: {}, cwd: '/home/student/diamol', setup: []},
		steps: [
			{
				id: 'free',
				title: {en: 'Anything you like', ko: '마음대로'},
				text: {
					en: "No lesson, no checks: type any `docker` or shell line. The book's images are in the registry (`docker image pull diamol/ch06-…`), your folders are under `~/diamol`. Watch the panes; **Esc then u** undoes a command, **Esc then x** undoes everything (it asks first).",
					ko: '수업도 확인 조건도 없다. 어떤 `docker` 명령이나 셸 명령이든 입력해 보자. 책의 이미지는 레지스트리에 있고(`docker image pull diamol/ch06-…`), 폴더는 `~/diamol` 아래에 있다. 패널을 살펴보자. **Esc 다음 u**는 명령 하나를 되돌리고, **Esc 다음 x**는 모두 되돌린다(먼저 묻는다).',
				},
				commands: ['docker container run --name rn1 diamol/ch06-random-number', 'docker container ls --all'],
				checks: [],
				hints: [],
				solution: [],
			},
		],
		languages: ['en', 'ko'],
	};
}
