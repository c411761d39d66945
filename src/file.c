/* file.c - whole-file reads that look at what a file is before reading it (see file.h). */
#include "file.h"
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *kind_of(mode_t m) {
    if (S_ISDIR(m)) return "it is a folder";
    if (S_ISCHR(m) || S_ISBLK(m)) return "it is a device, not a file";
    if (S_ISFIFO(m)) return "it is a pipe, not a file";
    if (S_ISSOCK(m)) return "it is a socket, not a file";
    return "it is not a regular file";
}

/* Reads fd to its end, at most max + 1 bytes; NULL with *why on a read error or past max. */
static char *read_fd(int fd, size_t max, size_t hint, size_t *len, char **why) {
    size_t cap = hint + 1 > 4096 ? hint + 1 : 4096, n = 0;
    if (cap > max + 1) cap = max + 1;
    char *buf = g_malloc(cap + 1);
    for (;;) {
        if (n == cap) {
            if (cap > max) break;            /* read max + 1 bytes: too long */
            cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
            buf = g_realloc(buf, cap + 1);
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            *why = g_strdup(g_strerror(errno));
            g_free(buf);
            return NULL;
        }
        if (got == 0) break;
        n += (size_t)got;
    }
    if (n > max) {
        *why = g_strdup_printf("it is longer than the limit of %zu bytes", max);
        g_free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

char *jm_file_read(const char *path, size_t max, bool allow_pipe, size_t *len, char **why) {
    *why = NULL;
    *len = 0;
    bool is_stdin = allow_pipe && path[0] == '-' && path[1] == '\0';
    /* O_NONBLOCK: opening a FIFO with no writer must not hang; cleared before reading. */
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        *why = g_strdup(g_strerror(errno));
        return NULL;
    }
    struct stat st;
    char *buf = NULL;
    if (fstat(fd, &st) != 0) {
        *why = g_strdup(g_strerror(errno));
    } else if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max) {
        *why = g_strdup_printf("it has %lld bytes, more than the limit of %zu", (long long)st.st_size, max);
    } else if (!S_ISREG(st.st_mode) && !(allow_pipe && (S_ISFIFO(st.st_mode) || (is_stdin && !S_ISDIR(st.st_mode))))) {
        *why = g_strdup(kind_of(st.st_mode));
    } else {
        if (!is_stdin) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        buf = read_fd(fd, max, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, len, why);
    }
    if (!is_stdin) close(fd);
    return buf;
}

bool jm_file_inside(const char *path, const char *dir) {
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/') return path[0] == '/' && path[1];
    return strncmp(path, dir, n) == 0 && path[n] == '/' && path[n + 1];
}
