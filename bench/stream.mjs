/** A long command stream for `layerlab script --preload`: the chapter's kinds of lines, in a cycle
 * that creates and removes containers so the world stays the size of a lesson. */
export const CYCLE = [
	'docker container run --name rn1 diamol/ch06-random-number',
	'docker container cp rn1:/random/number.txt number1.txt',
	'cat number1.txt',
	'docker container run -d --name todo -p 8010:80 diamol/ch06-todo-list',
	'curl -d "item=x" http://localhost:8010/new',
	'docker container exec todo ls /data',
	'docker container ls -a',
	'docker container diff rn1',
	'docker volume ls',
	'docker container inspect --format "{{json .Mounts}}" todo',
	'docker container rm -f rn1 todo',
	'docker volume prune -f',
];

export function stream(count) {
	const lines = [];
	for (let i = 0; i < count; i++) lines.push(CYCLE[i % CYCLE.length]);
	return lines.join('\n') + '\n';
}
