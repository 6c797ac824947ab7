import {readonly, type World} from './world.js';
import {randomInt} from './random.js';

/**
 * Docker names unnamed containers `adjective_surname` (an adjective and a notable scientist or
 * hacker). These lists are layerlab's own, in the same style.
 */
const ADJECTIVES = [
	'admiring', 'adoring', 'affectionate', 'agitated', 'amazing', 'angry', 'awesome', 'beautiful', 'blissful', 'bold',
	'boring', 'brave', 'busy', 'charming', 'clever', 'compassionate', 'competent', 'condescending', 'confident', 'cool',
	'cranky', 'crazy', 'dazzling', 'determined', 'distracted', 'dreamy', 'eager', 'ecstatic', 'elastic', 'elated',
	'elegant', 'eloquent', 'epic', 'exciting', 'fervent', 'festive', 'flamboyant', 'focused', 'friendly', 'frosty',
	'funny', 'gallant', 'gifted', 'goofy', 'gracious', 'great', 'happy', 'hardcore', 'heuristic', 'hopeful',
	'hungry', 'infallible', 'inspiring', 'intelligent', 'interesting', 'jolly', 'jovial', 'keen', 'kind', 'laughing',
	'loving', 'lucid', 'magical', 'modest', 'musing', 'mystifying', 'naughty', 'nervous', 'nice', 'nifty',
	'nostalgic', 'objective', 'optimistic', 'peaceful', 'pedantic', 'pensive', 'practical', 'priceless', 'quirky', 'quizzical',
	'recursing', 'relaxed', 'reverent', 'romantic', 'sad', 'serene', 'sharp', 'silly', 'sleepy', 'stoic',
	'strange', 'stupefied', 'suspicious', 'sweet', 'tender', 'thirsty', 'trusting', 'unruffled', 'upbeat', 'vibrant',
	'vigilant', 'vigorous', 'wizardly', 'wonderful', 'xenodochial', 'youthful', 'zealous', 'zen',
];

const SURNAMES = [
	'agnesi', 'albattani', 'allen', 'almeida', 'archimedes', 'ardinghelli', 'aryabhata', 'austin', 'babbage', 'banach',
	'bardeen', 'bartik', 'bassi', 'bell', 'bhabha', 'bhaskara', 'blackwell', 'bohr', 'booth', 'borg',
	'bose', 'boyd', 'brahmagupta', 'brattain', 'brown', 'buck', 'carson', 'cerf', 'chandrasekhar', 'chaplygin',
	'chatelet', 'chebyshev', 'clarke', 'colden', 'cori', 'cray', 'curie', 'darwin', 'davinci', 'diffie',
	'dijkstra', 'dirac', 'driscoll', 'dubinsky', 'easley', 'edison', 'einstein', 'elion', 'engelbart', 'euclid',
	'euler', 'faraday', 'feistel', 'fermat', 'fermi', 'feynman', 'franklin', 'galileo', 'galois', 'gates',
	'gauss', 'germain', 'goldberg', 'goodall', 'gould', 'hamilton', 'hawking', 'heisenberg', 'hermann', 'hertz',
	'hodgkin', 'hofstadter', 'hopper', 'hypatia', 'jackson', 'jang', 'jennings', 'johnson', 'joliot', 'kalam',
	'kapitsa', 'kare', 'keldysh', 'keller', 'kepler', 'khorana', 'kilby', 'knuth', 'kowalevski', 'lalande',
	'lamarr', 'lamport', 'leakey', 'leavitt', 'lehmann', 'lichterman', 'liskov', 'lovelace', 'lumiere', 'mahavira',
	'margulis', 'matsumoto', 'maxwell', 'mayer', 'mccarthy', 'mcclintock', 'meitner', 'mendel', 'mendeleev', 'merkle',
	'mirzakhani', 'moore', 'morse', 'napier', 'nash', 'neumann', 'newton', 'nobel', 'noether', 'northcutt',
	'noyce', 'panini', 'pare', 'pascal', 'pasteur', 'payne', 'perlman', 'pike', 'poincare', 'ptolemy',
	'raman', 'ramanujan', 'ride', 'ritchie', 'roentgen', 'rosalind', 'saha', 'sammet', 'shamir', 'shannon',
	'shaw', 'shirley', 'shockley', 'sinoussi', 'snyder', 'spence', 'stonebraker', 'sutherland', 'swanson', 'swartz',
	'tereshkova', 'tesla', 'tharp', 'thompson', 'torvalds', 'turing', 'varahamihira', 'villani', 'visvesvaraya', 'volhard',
	'wescoff', 'wilbur', 'wiles', 'williams', 'wilson', 'wing', 'wozniak', 'wright', 'wu', 'yalow',
	'yonath', 'zhukovsky',
];

/** A random `adjective_surname` not already taken by a container in `world`. */
export function randomName(world: World): string {
	const taken = new Set(Object.values(readonly(world.containers)).map(container => container.name));
	for (let attempt = 0; ; attempt++) {
		let name = `${ADJECTIVES[randomInt(world, ADJECTIVES.length)]}_${SURNAMES[randomInt(world, SURNAMES.length)]}`;
		if (name === 'boring_wozniak') continue; // Steve Wozniak is not boring (Docker's own rule).
		if (attempt > 10) name += String(randomInt(world, 10));
		if (!taken.has(name)) return name;
	}
}
