/* SPDX-License-Identifier: MIT */
/*
 * yaml_scan - the baseline of bench/run.sh: a bare libyaml event scan of a
 * file. Reads FILE whole, then calls yaml_parser_parse() until the end of the
 * stream, deleting each event; builds nothing. Prints the number of events.
 * Exit 0, or 1 on a read or YAML error (message on stderr).
 *
 *   yaml_scan FILE
 */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

/* Reads @path whole into *@data (malloc'ed), *@len bytes; returns 0 or -1. */
static int read_file(const char *path, unsigned char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t cap = 1 << 20, n = 0;
	unsigned char *buf = malloc(cap);
	for (size_t got = 1; buf && got;) {
		if (n == cap) {
			unsigned char *bigger = realloc(buf, cap *= 2);
			if (!bigger) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = bigger;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	}
	int err = ferror(f) || !buf;
	fclose(f);
	if (err) {
		free(buf);
		return -1;
	}
	*data = buf;
	*len = n;
	return 0;
}

int main(int argc, char **argv)
{
	unsigned char *text;
	size_t len, events = 0;
	if (argc != 2) {
		fprintf(stderr, "usage: yaml_scan FILE\n");
		return 1;
	}
	if (read_file(argv[1], &text, &len)) {
		perror(argv[1]);
		return 1;
	}
	yaml_parser_t ps;
	if (!yaml_parser_initialize(&ps)) {
		fprintf(stderr, "yaml_scan: out of memory\n");
		return 1;
	}
	yaml_parser_set_input_string(&ps, text, len);
	for (int done = 0; !done; events++) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&ps, &ev)) {
			fprintf(stderr, "yaml_scan: %s: %s\n", argv[1],
			        ps.problem ? ps.problem : "YAML error");
			return 1;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&ps);
	free(text);
	printf("%zu events\n", events);
	return 0;
}
