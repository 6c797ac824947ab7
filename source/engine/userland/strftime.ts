/** Calendar formatting shared by `date`, `ls -l` and `stat` (UTC: the lab's clock has no time zone). */
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** strftime in UTC, for the formats a learner uses. */
export function strftime(format: string, ms: number): string {
	const date = new Date(ms);
	const pad = (value: number, size = 2, fill = '0') => String(value).padStart(size, fill);
	const start = Date.UTC(date.getUTCFullYear(), 0, 1);
	return format.replace(/%([a-zA-Z%])/g, (whole, code: string) => {
		switch (code) {
			case 'Y':
				return String(date.getUTCFullYear());
			case 'y':
				return pad(date.getUTCFullYear() % 100);
			case 'm':
				return pad(date.getUTCMonth() + 1);
			case 'd':
				return pad(date.getUTCDate());
			case 'e':
				return pad(date.getUTCDate(), 2, ' ');
			case 'H':
				return pad(date.getUTCHours());
			case 'I':
				return pad(date.getUTCHours() % 12 || 12);
			case 'M':
				return pad(date.getUTCMinutes());
			case 'S':
				return pad(date.getUTCSeconds());
			case 'p':
				return date.getUTCHours() < 12 ? 'AM' : 'PM';
			case 's':
				return String(Math.floor(ms / 1000));
			case 'N':
				return pad((ms % 1000) * 1_000_000, 9);
			case 'a':
				return DAYS[date.getUTCDay()]!.slice(0, 3);
			case 'A':
				return DAYS[date.getUTCDay()]!;
			case 'b':
			case 'h':
				return MONTHS[date.getUTCMonth()]!.slice(0, 3);
			case 'B':
				return MONTHS[date.getUTCMonth()]!;
			case 'j':
				return pad(Math.floor((ms - start) / 86_400_000) + 1, 3);
			case 'u':
				return String(date.getUTCDay() || 7);
			case 'w':
				return String(date.getUTCDay());
			case 'Z':
				return 'UTC';
			case 'z':
				return '+0000';
			case 'F':
				return strftime('%Y-%m-%d', ms);
			case 'T':
				return strftime('%H:%M:%S', ms);
			case 'D':
				return strftime('%m/%d/%y', ms);
			case 'R':
				return strftime('%H:%M', ms);
			case 'c':
				return strftime('%a %b %e %H:%M:%S %Y', ms);
			case 'n':
				return '\n';
			case 't':
				return '\t';
			case '%':
				return '%';
			default:
				return whole;
		}
	});
}
