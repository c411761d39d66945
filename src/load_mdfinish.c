/* load_mdfinish.c - the end of a Markdown journey read (load_mdfill.h): what a ```mermaid block
 * contributes (its sequence; a flowchart's stages, merged by name), and the finished journey. */
#include "load_mdfill.h"
#include "load.h"
#include <string.h>

/* Moves the block's diagnostics to the document; an error of a block that cannot be used is a
 * warning there. */
static void move_diags(mdj *m, jm_diags *bd, bool used) {
    for (size_t i = 0; i < jm_diags_count(bd); i++) {
        const jm_diag *d = jm_diags_get(bd, i);
        jm_diag_add(m->c->d, used ? d->severity : JM_WARNING, m->c->file, d->pos, "%s%s",
                    used || d->severity != JM_ERROR ? "" : "mermaid block left out: ", d->message);
    }
}

static void merge_stages(mdj *m, const jm_journey *mj) {
    for (size_t i = 0; i < mj->n_stages; i++) {
        const jm_stage *f = &mj->stages[i];
        int k = jm_mdj_stage_named(m, f->name);
        if (k < 0) {
            int n = jm_mdj_new_stage(m, f->name, f->pos);
            if (n >= 0) m->j->stages[n] = *f;
            continue;
        }
        jm_stage *s = &m->j->stages[k];
        if (!s->has_count && f->has_count) { s->count = f->count; s->has_count = true; }
        if (!s->unit) s->unit = f->unit;
        if (!s->note) s->note = f->note;
        if (!s->transition) s->transition = f->transition;
        if (!s->url) s->url = f->url;
        s->gap |= f->gap;
    }
}

void jm_mdj_mermaid(mdj *m, const char *text, jm_pos pos) {
    /* Blank lines before the block put its positions (and its diagnostics') at the document's lines. */
    GString *padded = g_string_new(NULL);
    for (int i = 1; i < pos.line; i++) g_string_append_c(padded, '\n');
    g_string_append(padded, text);
    jm_diags *bd = jm_diags_new();
    bool undrawable = false;
    const char *t = jm_arena_strndup(m->c->a, padded->str, padded->len);
    const jm_journey *mj = jm_load_journey_as(m->c->a, m->c->file, t, padded->len, JM_INPUT_MERMAID, &undrawable, bd);
    g_string_free(padded, TRUE);
    move_diags(m, bd, mj != NULL);
    jm_diags_free(bd);
    if (!mj) return;
    if (mj->sequence && m->j->sequence)
        jm_diag_add(m->c->d, JM_WARNING, m->c->file, pos, "a second sequenceDiagram: the first one is drawn");
    else if (mj->sequence) m->j->sequence = mj->sequence;
    if (mj->n_steps && (m->j->n_stages || m->j->n_steps)) {
        jm_diag_add(m->c->d, JM_WARNING, m->c->file, pos, "a Mermaid journey after stages or steps of the document "
                    "is left out: write its steps as 'Step N: Title' headings");
        return;
    }
    merge_stages(m, mj);
    if (mj->n_steps) {   /* the document's journey is this one: its sections are the stages, in order */
        m->j->steps = (jm_step *)mj->steps;
        m->j->n_steps = mj->n_steps;
        if (!m->j->title) m->j->title = mj->title;
    }
}

const jm_journey *jm_mdj_finish(mdj *m) {
    jm_journey *j = m->j;
    jm_lctx *c = m->c;
    if (!j->title) {
        char *base = g_path_get_basename(c->file);
        char *dot = strrchr(base, '.');
        if (dot && dot != base) *dot = '\0';
        j->title = jm_arena_strdup(c->a, base);
        g_free(base);
    }
    GString *sub = g_string_new(m->meta ? m->meta->str : "");
    if (m->prose) g_string_append_printf(sub, "%s%s", sub->len ? "\n" : "", m->prose->str);
    if (sub->len) j->subtitle = jm_arena_strdup(c->a, sub->str);
    g_string_free(sub, TRUE);
    if (m->meta) g_string_free(m->meta, TRUE);
    if (m->prose) g_string_free(m->prose, TRUE);
    if (m->quote && j->persona && *j->persona->name) ((jm_persona *)j->persona)->quote = m->quote;
    else if (m->quote)
        j->subtitle = j->subtitle ? jm_arena_printf(c->a, "%s\n%s", j->subtitle, m->quote) : m->quote;
    if (j->persona && !*j->persona->name) j->persona = NULL;   /* role or goals without a name */
    if (!j->n_stages && !j->n_steps && !j->sequence) {
        jm_error(c->d, c->file, (jm_pos){ 1, 1 }, "this Markdown document holds no journey: looked for stage headings "
                 "('## Stage 1: Name', or '## Name' with lanes or items under it), 'Step N: Title' headings or lines, "
                 "and ```mermaid sequenceDiagram or flowchart blocks, and found none");
        return NULL;
    }
    if (!j->n_stages)   /* steps and no stages (seed 001): each step is the stage of its column */
        for (size_t i = 0; i < j->n_steps; i++)
            j->steps[i].stage = jm_mdj_new_stage(m, j->steps[i].title, j->steps[i].pos);
    for (size_t i = 0; i < j->n_stages; i++) {   /* ids from names, made unique */
        const char *id = jm_load_stage_id(c, j->stages[i].name);
        for (int n = 2; ; n++) {
            size_t k = 0;
            while (k < i && strcmp(j->stages[k].id, id)) k++;
            if (k == i) break;
            id = jm_arena_printf(c->a, "%s-%d", jm_load_stage_id(c, j->stages[i].name), n);
        }
        j->stages[i].id = id;
    }
    for (size_t i = 0; i < j->n_steps; i++)
        j->steps[i].stage_id = j->steps[i].stage >= 0 ? j->stages[j->steps[i].stage].id : NULL;
    return jm_diags_errors(c->d) > c->errors0 ? NULL : j;
}
