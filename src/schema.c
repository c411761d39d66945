/* schema.c - the JSON Schema of journey files (schema.h). Each mapping of the format is one entry
 * of `objects`: the loader's key table (what the loader accepts, nothing else) and, for each key,
 * a type and a description written here. The generator walks the loader's table, so a key the
 * loader gains without a description here, or loses while its description stays, is an error.
 *
 * Types, a small notation turned into JSON Schema by put_type():
 *   text            a scalar (YAML reads 2024 or yes as a number or boolean; the loader takes
 *                   any scalar as text)
 *   texts           a list of texts;  text|texts  one text or a list
 *   number, bool, color ("#rrggbb", "#rrggbbaa" or a CSS colour name), color|null
 *   enum:NAME       one word of the loader's table jm_enum_NAME
 *   obj:NAME        a mapping described by entry NAME;  list:NAME  a list of them
 *   text|list:NAME  a list of texts or NAME mappings;  map:text, map:texts  free keys to those
 *   messages        the entries of a sequence: a Mermaid line ("A->>B: text"), a message, note,
 *                   delay, group or rect
 *   rows            a list of rows, each a list of texts */
#include "schema.h"
#include <string.h>
#include "load_internal.h"

typedef struct { const char *key, *type, *doc; } keydoc;

typedef struct {
    const char *name;              /* $defs name */
    const char *const *keys;       /* the loader's table */
    const char *const *required;   /* NULL-terminated, or NULL */
    const char *doc;
    keydoc docs[32];
} object;

static const char *const req_title[] = { "title", NULL }, *const req_name[] = { "name", NULL },
                  *const req_text[] = { "text", NULL }, *const req_id[] = { "id", NULL },
                  *const req_note[] = { "note", NULL }, *const req_delay[] = { "delay", NULL },
                  *const req_group[] = { "group", NULL }, *const req_rect[] = { "rect", NULL },
                  *const req_msg[] = { "from", "to", NULL }, *const req_table[] = { "columns", NULL };

#define TEXTS_LANE(what) "texts", what " (a lane of the map)"
static const object objects[] = {
    { "journey", jm_keys_top, req_title, "A customer journey: what journeymap draws as funnel, sequence, emotions and map views.", {
        { "title", "text", "The journey's title, drawn as the heading of every view." },
        { "subtitle", "text", "A line or paragraph under the title." },
        { "persona", "obj:persona", "Who goes through the journey: the map's persona card." },
        { "stages", "list:stage", "The stages in order: the funnel's columns and the map's column groups." },
        { "steps", "list:step", "The steps in order: the points of the emotion curve and the map's columns." },
        { "sequence", "obj:sequence", "A sequence diagram: who sends what to whom." },
        { "features", "list:feature", "Feature cards shown with the map." },
        { "tables", "list:table", "Tables printed after the views (in the handout and on the map)." },
        { "style", "text", "A built-in style (default, print, dark) or a style file in the journey's folder." },
        { "views", "list:view", "The views to draw, in order; the first is the default view." },
        { "author", "text", "The author, recorded in PDF metadata." },
        { "acc_title", "text", "An accessible title (SVG <title>, PDF title) when it differs from the title." },
        { "acc_descr", "text", "An accessible description (SVG <desc>, PDF subject)." },
        { "lane_labels", "map:text", "Labels the map shows for lanes: a built-in lane's key or a custom lane's name -> label." },
    } },
    { "persona", jm_keys_persona, req_name, "The persona: the person whose journey this is.", {
        { "name", "text", "The persona's name." },
        { "role", "text", "Job or role." },
        { "archetype", "text", "The archetype the persona stands for." },
        { "quote", "text", "A quote in the persona's words." },
        { "goals", "texts", "What the persona wants." },
        { "frustrations", "texts", "What gets in the persona's way." },
        { "image", "text", "A PNG picture, a path inside the journey's folder." },
    } },
    { "feature", jm_keys_feature, req_title, "A feature card.", {
        { "icon", "text", "An emoji or short symbol shown on the card." },
        { "title", "text", "The feature's name." },
        { "text", "text", "What it does." },
    } },
    { "table", jm_keys_table, req_table, "A table of text.", {
        { "title", "text", "The table's caption." },
        { "columns", "texts", "The column headings." },
        { "rows", "rows", "The rows, each a list with one text per column." },
    } },
    { "stage", jm_keys_stage, req_name, "A stage of the journey: a funnel column and a group of map columns.", {
        { "id", "text", "The id steps name in `stage` (default: the name)." },
        { "name", "text", "The stage's name." },
        { "count", "number", "How many reach the stage (the funnel's bar)." },
        { "unit", "text", "The unit of the count (\"users\", \"accounts\")." },
        { "note", "text", "A note under the stage." },
        { "gap", "bool", "A gap stage: where the journey loses people (drawn apart)." },
        { "duration", "text", "How long the stage takes." },
        { "need", "text", "What the customer needs in this stage." },
        { "transition", "text", "What moves the customer to the next stage." },
        { "fill", "color", "The stage's fill colour." },
        { "stroke", "color", "The stage's outline colour." },
        { "color", "color", "The stage's text colour." },
        { "items", "list:item", "Item cards under the stage." },
        { "triggers", TEXTS_LANE("What starts the stage") },
        { "pain_points", TEXTS_LANE("What hurts") },
        { "touchpoints", TEXTS_LANE("Where the customer meets the company") },
        { "metrics", TEXTS_LANE("What is measured") },
        { "thoughts", TEXTS_LANE("What the customer thinks") },
        { "actions", "text|list:action", "What the customer does: texts or actions with a channel and frequency." },
        { "emotions", "list:emotion", "How the customer feels during the stage." },
        { "opportunities", "list:opportunity", "What could be done better." },
        { "lanes", "map:texts", "Custom lanes of the map: lane name -> texts." },
        { "url", "text", "A link for the stage (PDF and SVG)." },
    } },
    { "step", jm_keys_step, req_title, "A step of the journey: a point of the emotion curve and a map column.", {
        { "title", "text", "What happens in the step." },
        { "stage", "text", "The id (or name) of the stage the step belongs to." },
        { "actions", "text|texts", "What the customer does." },
        { "thoughts", TEXTS_LANE("What the customer thinks") },
        { "emotion", "obj:emotion", "How the customer feels: the curve's point." },
        { "touchpoints", TEXTS_LANE("Where the customer meets the company") },
        { "pain_points", TEXTS_LANE("What hurts") },
        { "opportunities", "list:opportunity", "What could be done better." },
        { "actors", "text|texts", "Who takes part (the emotions view's actors)." },
        { "triggers", TEXTS_LANE("What starts the step") },
        { "metrics", TEXTS_LANE("What is measured") },
        { "lanes", "map:texts", "Custom lanes of the map: lane name -> texts." },
        { "url", "text", "A link for the step (PDF and SVG)." },
    } },
    { "emotion", jm_keys_emotion, NULL, "A feeling: a score, a label and an emoji (a missing score is estimated from them).", {
        { "label", "text", "The feeling in words." },
        { "score", "number", "From -2 (very negative) to 2 (very positive)." },
        { "emoji", "text", "An emoji for the feeling." },
    } },
    { "item", jm_keys_item, NULL, "An item card under a stage.", {
        { "title", "text", "The card's title." },
        { "who", "text", "Who it is about." },
        { "text", "text", "The card's text." },
        { "url", "text", "A link for the card (PDF and SVG)." },
    } },
    { "action", jm_keys_action, req_text, "An action with its channel and frequency.", {
        { "text", "text", "What the customer does." },
        { "channel", "text", "Where (web, phone, shop)." },
        { "frequency", "text", "How often." },
    } },
    { "opportunity", jm_keys_opportunity, req_title, "An opportunity to do better.", {
        { "title", "text", "The opportunity." },
        { "text", "text", "More about it." },
    } },
    { "sequence", jm_keys_seq, NULL, "A sequence diagram.", {
        { "title", "text", "The diagram's title." },
        { "autonumber", "bool", "Number the messages." },
        { "participants", "list:participant", "The participants, left to right." },
        { "boxes", "list:box", "Boxes around neighbouring participants." },
        { "messages", "messages", "Messages, notes, delays, groups and rects, top to bottom." },
    } },
    { "box", jm_keys_box, NULL, "A box around participants.", {
        { "label", "text", "The box's label." },
        { "color", "color", "The box's colour." },
        { "participants", "texts", "The ids of the participants inside." },
    } },
    { "participant", jm_keys_part, req_id, "A participant of the sequence.", {
        { "id", "text", "The id messages use." },
        { "label", "text", "The name shown (default: the id)." },
        { "kind", "enum:part_kinds", "The participant's symbol." },
        { "url", "text", "A link for the participant (PDF and SVG)." },
    } },
    { "message", jm_keys_msg, req_msg, "A message from one participant to another.", {
        { "from", "text", "The sender's id." },
        { "to", "text", "The receiver's id (the sender's for a message to itself)." },
        { "text", "text", "The message." },
        { "kind", "enum:msg_kinds", "sync (solid, filled head), reply (dashed) or async (open head)." },
        { "activate", "bool", "Activate the receiver." },
        { "deactivate", "bool", "Deactivate the sender." },
        { "opens", "text|texts", "Participants whose activation bar opens here." },
        { "closes", "text|texts", "Participants whose activation bar closes here." },
        { "create", "text", "The receiver is created by this message." },
        { "destroy", "text", "The participant destroyed by this message." },
        { "half", "enum:msg_halves", "A half arrow head: top or bottom." },
        { "circles", "enum:msg_circles", "Circles at the ends." },
        { "autonumber", "text", "true, false, a start number or \"START STEP\": numbering from here." },
        { "tip", "enum:msg_tips", "The arrow head: as the kind, none, open or cross." },
        { "both_ends", "bool", "Arrow heads at both ends." },
    } },
    { "note", jm_keys_note, req_note, "A note in the sequence.", {
        { "note", "text", "The note's text." },
        { "over", "text|texts", "The participant(s) the note spans." },
        { "left_of", "text", "The participant the note is left of." },
        { "right_of", "text", "The participant the note is right of." },
    } },
    { "delay", jm_keys_delay, req_delay, "A delay: time passes.", {
        { "delay", "text", "What passes (\"two days\")." },
    } },
    { "group", jm_keys_group, req_group, "A group of messages: a loop, alternatives, an option, ...", {
        { "group", "enum:group_kinds", "The kind of group." },
        { "label", "text", "The group's condition or label." },
        { "messages", "messages", "The messages inside." },
        { "else", "list:else", "Further branches (alt, par, critical)." },
    } },
    { "else", jm_keys_else, NULL, "A further branch of a group.", {
        { "label", "text", "The branch's condition." },
        { "messages", "messages", "The messages inside." },
    } },
    { "rect", jm_keys_rect, req_rect, "A coloured background behind messages.", {
        { "rect", "color|null", "The background colour (empty: the style's)." },
        { "messages", "messages", "The messages inside." },
    } },
};

static const struct { const char *name; const char *const *words; } enums[] = {
    { "part_kinds", jm_enum_part_kinds }, { "msg_kinds", jm_enum_msg_kinds }, { "msg_halves", jm_enum_msg_halves },
    { "msg_circles", jm_enum_msg_circles }, { "msg_tips", jm_enum_msg_tips }, { "group_kinds", jm_enum_group_kinds },
    { "view_names", jm_enum_view_names },
};

static void put_string(GString *o, const char *s) {
    g_string_append_c(o, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') g_string_append_c(o, '\\');
        if (*s == '\n') g_string_append(o, "\\n");
        else g_string_append_c(o, *s);
    }
    g_string_append_c(o, '"');
}

static const char *const *enum_words(const char *name) {
    for (size_t i = 0; i < G_N_ELEMENTS(enums); i++)
        if (strcmp(enums[i].name, name) == 0) return enums[i].words;
    return NULL;
}

#define SCALAR "\"type\": [\"string\", \"number\", \"boolean\"]"
#define REF(name) "{ \"$ref\": \"#/$defs/" name "\" }"

/* The JSON Schema of `type` (the notation above), without the braces' description. */
static bool put_type(GString *o, const char *type, char **why) {
    if (!strcmp(type, "text")) g_string_append(o, SCALAR);
    else if (!strcmp(type, "texts")) g_string_append(o, "\"type\": \"array\", \"items\": { " SCALAR " }");
    else if (!strcmp(type, "text|texts")) g_string_append(o, "\"anyOf\": [{ " SCALAR " }, { \"type\": \"array\", \"items\": { " SCALAR " } }]");
    else if (!strcmp(type, "number")) g_string_append(o, "\"type\": \"number\"");
    else if (!strcmp(type, "bool")) g_string_append(o, "\"type\": \"boolean\"");
    else if (!strcmp(type, "color")) g_string_append(o, "\"type\": \"string\"");
    else if (!strcmp(type, "color|null")) g_string_append(o, "\"type\": [\"string\", \"null\"]");
    else if (!strcmp(type, "map:text")) g_string_append(o, "\"type\": \"object\", \"additionalProperties\": { " SCALAR " }");
    else if (!strcmp(type, "map:texts")) g_string_append(o, "\"type\": \"object\", \"additionalProperties\": { \"type\": \"array\", \"items\": { " SCALAR " } }");
    else if (!strcmp(type, "rows")) g_string_append(o, "\"type\": \"array\", \"items\": { \"type\": \"array\", \"items\": { " SCALAR " } }");
    else if (!strcmp(type, "messages"))
        g_string_append(o, "\"type\": \"array\", \"items\": { \"anyOf\": [{ \"type\": \"string\" }, " REF("message") ", " REF("note") ", "
                           REF("delay") ", " REF("group") ", " REF("rect") "] }");
    else if (!strcmp(type, "list:view")) {
        g_string_append(o, "\"type\": \"array\", \"items\": { \"enum\": [");
        for (const char *const *w = jm_enum_view_names; *w; w++) {
            if (w != jm_enum_view_names) g_string_append(o, ", ");
            put_string(o, *w);
        }
        g_string_append(o, "] }");
    } else if (g_str_has_prefix(type, "enum:") && enum_words(type + 5)) {
        g_string_append(o, "\"enum\": [");
        for (const char *const *w = enum_words(type + 5); *w; w++) {
            if (w != enum_words(type + 5)) g_string_append(o, ", ");
            put_string(o, *w);
        }
        g_string_append(o, "]");
    } else if (g_str_has_prefix(type, "obj:")) g_string_append_printf(o, "\"$ref\": \"#/$defs/%s\"", type + 4);
    else if (g_str_has_prefix(type, "list:")) g_string_append_printf(o, "\"type\": \"array\", \"items\": { \"$ref\": \"#/$defs/%s\" }", type + 5);
    else if (g_str_has_prefix(type, "text|list:"))
        g_string_append_printf(o, "\"type\": \"array\", \"items\": { \"anyOf\": [{ " SCALAR " }, { \"$ref\": \"#/$defs/%s\" }] }", type + 10);
    else {
        *why = g_strdup_printf("unknown type '%s' in schema.c", type);
        return false;
    }
    return true;
}

static const keydoc *find_doc(const object *ob, const char *key) {
    for (size_t i = 0; i < G_N_ELEMENTS(ob->docs) && ob->docs[i].key; i++)
        if (strcmp(ob->docs[i].key, key) == 0) return &ob->docs[i];
    return NULL;
}

static bool in_table(const char *const *keys, const char *key) {
    for (; *keys; keys++)
        if (strcmp(*keys, key) == 0) return true;
    return false;
}

static bool put_object(GString *o, const object *ob, char **why) {
    for (size_t i = 0; i < G_N_ELEMENTS(ob->docs) && ob->docs[i].key; i++)
        if (!in_table(ob->keys, ob->docs[i].key)) {
            *why = g_strdup_printf("schema.c describes '%s' of %s, a key the loader does not take", ob->docs[i].key, ob->name);
            return false;
        }
    g_string_append_printf(o, "    \"%s\": {\n      \"type\": \"object\",\n      \"description\": ", ob->name);
    put_string(o, ob->doc);
    g_string_append(o, ",\n      \"additionalProperties\": false,\n");
    if (ob->required) {
        g_string_append(o, "      \"required\": [");
        for (const char *const *r = ob->required; *r; r++) g_string_append_printf(o, "%s\"%s\"", r == ob->required ? "" : ", ", *r);
        g_string_append(o, "],\n");
    }
    g_string_append(o, "      \"properties\": {\n");
    for (const char *const *k = ob->keys; *k; k++) {
        const keydoc *d = find_doc(ob, *k);
        if (!d) {
            *why = g_strdup_printf("the loader takes '%s' in %s, and schema.c has no description of it", *k, ob->name);
            return false;
        }
        g_string_append_printf(o, "        \"%s\": { ", *k);
        if (!put_type(o, d->type, why)) return false;
        g_string_append(o, ", \"description\": ");
        put_string(o, d->doc);
        g_string_append_printf(o, " }%s\n", k[1] ? "," : "");
    }
    g_string_append(o, "      }\n    }");
    return true;
}

bool jm_schema_write(GString *out, char **why) {
    GString *o = g_string_new(NULL);
    g_string_append(o, "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
                       "  \"$id\": \"https://journeymap.invalid/journey.schema.json\",\n"
                       "  \"title\": \"journeymap journey\",\n"
                       "  \"description\": \"A customer journey file of journeymap, generated from its loader's key tables "
                       "(src/schema.c). Put '# yaml-language-server: $schema=PATH' on the first line of a journey file.\",\n"
                       "  \"$ref\": \"#/$defs/journey\",\n  \"$defs\": {\n");
    for (size_t i = 0; i < G_N_ELEMENTS(objects); i++) {
        if (!put_object(o, &objects[i], why)) {
            g_string_free(o, TRUE);
            return false;
        }
        g_string_append(o, i + 1 < G_N_ELEMENTS(objects) ? ",\n" : "\n");
    }
    g_string_append(o, "  }\n}\n");
    g_string_append_len(out, o->str, o->len);
    g_string_free(o, TRUE);
    return true;
}
