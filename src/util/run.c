/* SPDX-License-Identifier: MIT */
#include "util/run.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* The index, in a pipe of make_pipes(), of the program's end and of ours (pipe 0 is its stdin). */
#define THEIR_END(i) ((i) != 0)
#define OUR_END(i)   ((i) == 0)

/* Closes @fd if open and marks it closed (-1). */
static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Makes three pipes (the program's stdin, stdout, stderr), all close-on-exec; 0 or -1. */
static int make_pipes(int fds[3][2])
{
	for (int i = 0; i < 3; i++) {
		if (pipe(fds[i]) != 0)
			return -1;
		for (int k = 0; k < 2; k++)
			fcntl(fds[i][k], F_SETFD, FD_CLOEXEC);
	}
	/* Ours to write: never block on a full pipe while the program waits for us to read. */
	fcntl(fds[0][1], F_SETFL, fcntl(fds[0][1], F_GETFL) | O_NONBLOCK);
	return 0;
}

/* Starts @argv with the program's ends of @fds as its stdin, stdout, stderr; posix_spawnp's rc. */
static int spawn(char *const argv[], int fds[3][2], pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t dflt;
	int rc;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[0][0], 0);
	posix_spawn_file_actions_adddup2(&fa, fds[1][1], 1);
	posix_spawn_file_actions_adddup2(&fa, fds[2][1], 2);
	posix_spawnattr_init(&attr);
	sigemptyset(&dflt);
	sigaddset(&dflt, SIGPIPE);
	posix_spawnattr_setsigdefault(&attr, &dflt);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
	rc = posix_spawnp(pid, argv[0], &fa, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

/* Reads what is ready on *@fd into @b; closes it at end of file or on an error. */
static void drain(int *fd, struct gd_buf *b)
{
	char chunk[4096];
	ssize_t n = read(*fd, chunk, sizeof(chunk));
	if (n > 0)
		gd_buf_append(b, chunk, (size_t)n);
	else if (n == 0 || errno != EINTR)
		close_fd(fd);
}

/*
 * Feeds @in to fds[0][1] and drains fds[1][0] into @out and fds[2][0] into
 * @err until both reach end of file; closes our ends. Returns 0, or -1 with
 * errno when poll() fails.
 */
static int exchange(int fds[3][2], const struct gd_buf *in, struct gd_buf *out, struct gd_buf *err)
{
	size_t sent = 0;
	int rc = 0;

	if (in->len == 0)
		close_fd(&fds[0][1]);
	while (fds[1][0] >= 0 || fds[2][0] >= 0) {
		struct pollfd pfd[3] = {
		    {.fd = fds[0][1], .events = POLLOUT},
		    {.fd = fds[1][0], .events = POLLIN},
		    {.fd = fds[2][0], .events = POLLIN},
		};
		if (poll(pfd, 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			rc = -1;
			break;
		}
		if (pfd[0].revents) {
			ssize_t n = write(fds[0][1], in->data + sent, in->len - sent);
			if (n > 0)
				sent += (size_t)n;
			/* EPIPE: the program stopped reading; its status says why. */
			if (sent == in->len || (n < 0 && errno != EAGAIN && errno != EINTR))
				close_fd(&fds[0][1]);
		}
		if (pfd[1].revents)
			drain(&fds[1][0], out);
		if (pfd[2].revents)
			drain(&fds[2][0], err);
	}
	int saved = errno;
	for (int i = 0; i < 3; i++)
		close_fd(&fds[i][OUR_END(i)]);
	errno = saved;
	return rc;
}

int gd_run_filter(char *const argv[], const struct gd_buf *in, struct gd_buf *out,
                  struct gd_buf *err, int *wstatus)
{
	int fds[3][2] = {{-1, -1}, {-1, -1}, {-1, -1}};
	pid_t pid;
	int rc = make_pipes(fds);

	if (rc == 0) {
		rc = spawn(argv, fds, &pid);
		if (rc != 0) {
			errno = rc;
			rc = -1;
		}
	}
	for (int i = 0; i < 3; i++)
		close_fd(&fds[i][THEIR_END(i)]);
	if (rc != 0) {
		int saved = errno;
		for (int i = 0; i < 3; i++)
			close_fd(&fds[i][OUR_END(i)]);
		errno = saved;
		return -1;
	}
	struct sigaction ign = {.sa_handler = SIG_IGN}, old_pipe;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old_pipe);
	rc = exchange(fds, in, out, err);
	int saved = errno;
	while (waitpid(pid, wstatus, 0) < 0) {
		if (errno != EINTR) {
			saved = errno;
			rc = -1;
			break;
		}
	}
	sigaction(SIGPIPE, &old_pipe, NULL);
	errno = saved;
	return rc;
}
