// Lint catches bugs, not style (prettier formats): the recommended JavaScript and TypeScript rules,
// React's rules of hooks for the Ink views, and a few checks that keep the engine honest.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'bench/.out/', 'coverage/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {
			globals: {
				process: 'readonly',
				console: 'readonly',
				URL: 'readonly',
				Buffer: 'readonly',
				setTimeout: 'readonly',
				clearTimeout: 'readonly',
				setInterval: 'readonly',
				clearInterval: 'readonly',
				performance: 'readonly',
				structuredClone: 'readonly',
			},
		},
		linterOptions: {reportUnusedDisableDirectives: 'error'},
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true}],
			eqeqeq: ['error', 'always', {null: 'ignore'}],
			'prefer-const': ['error', {destructuring: 'all'}],
			// Terminal text is made of control characters; matching them is the point.
			'no-control-regex': 'off',
			// tsc's noFallthroughCasesInSwitch covers this and knows which calls never return.
			'no-fallthrough': 'off',
		},
	},
	{files: ['**/*.cjs'], languageOptions: {sourceType: 'commonjs', globals: {module: 'writable', require: 'readonly'}}},
	{
		files: ['**/*.tsx', 'source/ui/**/*.ts'],
		plugins: {'react-hooks': reactHooks},
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'error',
		},
	},
	{
		// The engine is pure: time and randomness are world state.
		files: ['source/engine/**/*.ts'],
		rules: {
			'no-restricted-properties': [
				'error',
				{object: 'Math', property: 'random', message: 'randomness is world state (engine/random.ts)'},
				{object: 'Date', property: 'now', message: 'time is world state (engine/clock.ts)'},
			],
			'no-restricted-globals': ['error', {name: 'process', message: 'the engine does no I/O'}],
			'no-restricted-syntax': ['error', {selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'time is world state (engine/clock.ts)'}],
		},
	},
);
