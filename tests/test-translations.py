#!/usr/bin/python3
# tests/test-translations.py — fails when a translation in po/ is incomplete: msgfmt finds
# an untranslated or fuzzy message or a format error, or a message the sources now hold
# (a fresh template made with xgettext, as meson's trustnet-pot makes it) is missing from
# the translation. The missing messages are printed, ready for msgmerge and translating.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-translations.py SOURCE_DIR [LANGUAGE…]   (default: every language in po/LINGUAS)
import os
import re
import subprocess
import sys
import tempfile

# The same as meson's i18n.gettext(preset: 'glib') passes to xgettext (see the
# trustnet-pot command in build.ninja), plus ngettext, which xgettext knows for C anyway.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--keyword=ngettext:1,2',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\', 'a': '\a', 'b': '\b',
           'f': '\f', 'v': '\v'}


def unquote(text):
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError('not a quoted PO string: %r' % text)
    return re.sub(r'\\(.)', lambda m: ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


def read_messages(path):
    """The (msgctxt, msgid) keys of a PO file, with the first source reference of each.

    Obsolete entries (#~) do not count: msgmerge keeps them, but they are not used."""
    messages = {}
    entry = {}
    field = None

    def finish():
        if 'msgid' in entry and entry['msgid'] != '':
            messages[(entry.get('msgctxt'), entry['msgid'])] = entry.get('ref', '')

    with open(path, encoding='utf-8') as po:
        for line in po:
            line = line.rstrip('\n')
            if not line.strip():
                finish()
                entry, field = {}, None
            elif line.startswith('#:'):
                entry.setdefault('ref', line[2:].split()[0] if line[2:].split() else '')
            elif line.startswith('#'):
                continue
            elif line.startswith('"'):
                if field in ('msgctxt', 'msgid'):
                    entry[field] += unquote(line)
            else:
                keyword, _, value = line.partition(' ')
                field = keyword
                if keyword in ('msgctxt', 'msgid'):
                    entry[keyword] = unquote(value)
                    # A msgctxt or msgid after a finished msgstr starts a new entry only
                    # after a blank line in PO files; nothing else to do here.
    finish()
    return messages


def check_statistics(po_path):
    """msgfmt --check --statistics: no errors, no untranslated, no fuzzy message."""
    env = dict(os.environ, LC_ALL='C', LANGUAGE='')
    done = subprocess.run(['msgfmt', '--check', '--statistics', '--output-file=/dev/null', po_path],
                          capture_output=True, text=True, env=env)
    report = done.stderr.strip()
    print('%s: %s' % (os.path.basename(po_path), report.splitlines()[-1] if report else ''))
    problems = []
    if done.returncode != 0:
        problems.append('msgfmt --check failed:\n' + report)
    for kind in ('fuzzy', 'untranslated'):
        found = re.search(r'(\d+) %s' % kind, report)
        if found and int(found.group(1)) > 0:
            problems.append('%s %s message(s); run msgattrib --only-%s %s' %
                            (found.group(1), kind, 'fuzzy' if kind == 'fuzzy' else 'untranslated',
                             po_path))
    return problems


def fresh_template(source_dir, out_path):
    subprocess.run(['xgettext', '--package-name=trustnet', '--output=' + out_path,
                    '--files-from=' + os.path.join(source_dir, 'po', 'POTFILES.in'),
                    '--directory=' + source_dir] + XGETTEXT_ARGS,
                   check=True)


def describe(key, ref):
    context, msgid = key
    text = msgid.encode('unicode_escape').decode('ascii') if '\n' in msgid else msgid
    where = ' (%s)' % ref if ref else ''
    if context is not None:
        return '  [%s] "%s"%s' % (context, text, where)
    return '  "%s"%s' % (text, where)


def main():
    source_dir = os.path.abspath(sys.argv[1])
    po_dir = os.path.join(source_dir, 'po')
    languages = sys.argv[2:]
    if not languages:
        with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as linguas:
            languages = [word for line in linguas
                         for word in line.split('#')[0].split()]

    failures = []
    with tempfile.TemporaryDirectory(prefix='tn-pot-') as scratch:
        pot_path = os.path.join(scratch, 'trustnet.pot')
        fresh_template(source_dir, pot_path)
        wanted = read_messages(pot_path)
        print('fresh template: %d messages from po/POTFILES.in' % len(wanted))

        for language in languages:
            po_path = os.path.join(po_dir, language + '.po')
            failures += ['%s.po: %s' % (language, problem) for problem in check_statistics(po_path)]

            have = read_messages(po_path)
            missing = [key for key in wanted if key not in have]
            if missing:
                failures.append('%s.po lacks %d message(s) of the sources; run msgmerge --update '
                                'po/%s.po po/trustnet.pot (after meson compile trustnet-pot) '
                                'and translate:\n%s' %
                                (language, len(missing), language,
                                 '\n'.join(describe(key, wanted[key]) for key in missing)))

    for failure in failures:
        print('FAIL ' + failure)
    if failures:
        return 1
    print('every message of the sources is translated in: ' + ', '.join(languages))
    return 0


if __name__ == '__main__':
    sys.exit(main())
