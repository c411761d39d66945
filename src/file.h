/* file.h - reads a whole file with its checks made before reading: the file must be a regular
 * file (or, where asked, a pipe) and no larger than a limit. Used for journeys, styles and
 * persona pictures, so /dev/zero, a FIFO or a folder is refused by what it is, not by its size. */
#ifndef JM_FILE_H
#define JM_FILE_H
#include <stdbool.h>
#include <stddef.h>

/* Reads `path` ("-" is standard input when allow_pipe) into a new NUL-terminated buffer (g_free)
 * of *len bytes. Refused before reading anything: a folder, a device, a socket, a pipe unless
 * allow_pipe, a regular file of more than `max` bytes. A pipe is read up to `max` + 1 bytes and
 * refused when longer. On failure returns NULL and sets *why to a message (g_free) such as
 * "it is a folder" or "it has 9000000 bytes, more than the limit of 8388608", fit to follow
 * "cannot read 'FILE': ". */
char *jm_file_read(const char *path, size_t max, bool allow_pipe, size_t *len, char **why);

/* Whether `path` lies strictly inside folder `dir` (both absolute and canonical, e.g. from
 * realpath; compared as text). */
bool jm_file_inside(const char *path, const char *dir);
#endif
