/* emit_yaml.h - writes a journey model back as journeymap YAML (--emit-yaml), with libyaml's
 * emitter: whatever the input was (YAML, Mermaid, Markdown), loading the result gives the same
 * model and so the same pictures. Scores estimated from emoji (valence.h) are left out, so
 * that they stay estimates on reload. */
#ifndef JM_EMIT_YAML_H
#define JM_EMIT_YAML_H
#include <glib.h>
#include "model.h"

/* Appends the YAML text of j to out; false (with a diagnostic) when libyaml fails. A persona
 * image is written relative to the journey's folder (the YAML is meant to live beside it). */
bool jm_emit_yaml(const jm_journey *j, GByteArray *out, jm_diags *d);
#endif
