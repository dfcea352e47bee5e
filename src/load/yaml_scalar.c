/* SPDX-License-Identifier: MIT */
#include "load/yaml_scalar.h"

#include <string.h>

static int digit_value(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return 99;
}

/* Reads digits of @radix from *@s into *@v; returns -1 when none or on overflow (*@why). */
static int read_digits(const char **s, unsigned radix, uint64_t *v, const char **why)
{
	const char *p = *s;
	uint64_t acc = 0;

	for (; digit_value(*p) < (int)radix; p++) {
		unsigned dv = (unsigned)digit_value(*p);
		if (acc > (UINT64_MAX - dv) / radix) {
			*why = "number does not fit in 64 bits";
			return -1;
		}
		acc = acc * radix + dv;
	}
	if (p == *s) {
		*why = "not a number";
		return -1;
	}
	*s = p;
	*v = acc;
	return 0;
}

static unsigned suffix_shift(char ch)
{
	switch (ch) {
	case 'K':
		return 10;
	case 'M':
		return 20;
	case 'G':
		return 30;
	}
	return 0;
}

int gd_yscalar_uint(const char *text, bool bytes, uint64_t *out, const char **why)
{
	const char *s = text;
	unsigned radix = 10;
	uint64_t v;

	if (s[0] == '0' && s[1] && strchr("xXoObB", s[1])) {
		radix = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : 2;
		s += 2;
	} else if (s[0] == '0' && s[1] >= '0' && s[1] <= '9') {
		*why = "leading zero: YAML 1.1 reads this as octal; write 0o... or drop the zero";
		return -1;
	}
	if (read_digits(&s, radix, &v, why))
		return -1;
	unsigned shift = bytes ? suffix_shift(*s) : 0;
	if (shift) {
		if (v > (UINT64_MAX >> shift)) {
			*why = "number does not fit in 64 bits";
			return -1;
		}
		v <<= shift;
		s++;
	}
	if (*s) {
		*why =
		    bytes ? "not a number (a size takes a K, M or G suffix only)" : "not a number";
		return -1;
	}
	*out = v;
	return 0;
}

int gd_yscalar_bool(const char *text, bool plain, bool *out)
{
	if (plain && !strcmp(text, "true"))
		*out = true;
	else if (plain && !strcmp(text, "false"))
		*out = false;
	else
		return -1;
	return 0;
}

bool gd_yscalar_plain_is_not_string(const char *text)
{
	static const char *const words[] = {
	    "",      "~",     "null",  "Null", "NULL", "true", "True", "TRUE",
	    "false", "False", "FALSE", "yes",  "Yes",  "YES",  "no",   "No",
	    "NO",    "on",    "On",    "ON",   "off",  "Off",  "OFF",
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcmp(text, words[i]))
			return true;
	/* Numbers: an optional sign or dot, a digit, then only number characters. */
	const char *s = text + (strchr("+-.", text[0]) ? 1 : 0);
	if (*s < '0' || *s > '9')
		return false;
	return strspn(s, "0123456789abcdefABCDEFxXoO_.:+-") == strlen(s);
}
