"""What a table is, decided from its first rows: delimiter, where the table starts, columns, time, zone, layout.

`make_plan` decides every column; it stands on `sniff` (the delimiter), `structure` (where the table
starts), `columns` (what the first rows say of each column), `time_columns` (time formats and zone), `kinds` (a
value column's kind, checked again on all rows) and `plan` (what is decided, in words).

Every decision is made for a whole column (never per cell) from
`SAMPLE_ROWS` rows, and each one comes with how it was reached, for the
dialog and `send` to show (`Plan.decisions`). A time format is taken only
when the column's values fit it; the cells that do not are rejected later
with their reason, never read another way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from gui.data.importers import cells as C
from gui.data.importers.columns import (
    _STREAM_HINTS,
    _VALUE_HINTS,
    _resolve,
    _skip_reason,
    is_time_name,
    plain_name,
    profile_columns,
    row_index,
)
from gui.data.importers.kinds import (
    SAMPLE_SKIPS,
    Revision,
    kind_of,
    markers_decision,
    stream_kinds,
    zero_padded_decision,
)
from gui.data.importers.options import DateOrder, ImportOptions, Layout, Role, TimeFormat
from gui.data.importers.plan import (
    _ANOTHER_TIME,
    _CHOSEN,
    Plan,
    TimeSpec,
    _not_imported,
    decimal_mark,
    format_label,
    full_width_decision,
    layout_name,
    unique_id,
    unnamed_question,
)
from gui.data.importers.result import (
    ZONE_IN_TIMES,
    ColumnInfo,
    ImportFailed,
    column_label,
    column_ref,
    unnamed_column,
)
from gui.data.importers.result import message as _m
from gui.data.importers.structure import Structure
from gui.data.importers.time_columns import (
    _all_times_of_day,
    _pattern_fits,
    _time_parts,
    numeric_time_format,
    order_readings,
    pick_time_format,
    time_zone,
)
from gui.onenet.readings import ValueKind
from gui.onenet.validation import is_safe_stream_id, suggest_stream_id
from gui.text import QT_TRANSLATE_NOOP, Counted, Message


def make_plan(
    structure: Structure,
    options: ImportOptions,
    missing: frozenset[str],
    delimiter: str | None,
    revision: Revision | None = None,
) -> Plan:
    """Decide every column's role, the time source, its format and zone, the layout, kinds and ids.

    The user's choices (`options.columns`, `time_column`, `time_pattern`,
    `include`, `exclude`, `rename`, `layout`) win over detection. `revision`:
    what a pass over all rows decided unlike the first rows (`kinds.revise`):
    its kinds, its "no reading" texts and its decisions are taken, and the
    plan watches nothing. Raises ImportFailed when a named column does not
    exist or nothing is left to import.
    """
    revised = revision.kinds if revision is not None else {}
    width, names = structure.width, structure.names
    rows_read = len(structure.data_sample)
    profiles = profile_columns(structure.data_sample, width, missing)
    choices = {j: options.choice(j) for j in range(width)}
    roles: dict[int, Role] = {j: c.role for j, c in choices.items() if c.role is not None}
    notes: list[Message] = []
    decisions: list[Message] = []
    questions: list[Message] = []
    unnamed: set[int] = set()  # wide: columns under a header without a name: no datastream id is made up
    reasons: dict[int, Message] = {}
    user_roles = set(roles)

    excluded = {_resolve(k, names, "excluded") for k in options.exclude}
    included = {_resolve(k, names, "columns") for k in options.include} if options.include is not None else None
    for keys, chosen in ((options.text, ValueKind.TEXT), (options.numbers, ValueKind.NUMBER)):
        for j in {_resolve(k, names, chosen.value) for k in keys}:
            if choices[j].kind is None:
                choices[j] = replace(choices[j], kind=chosen)
    if options.time_column:
        j = _resolve(options.time_column, names, "time column")
        roles[j] = Role.TIME
        user_roles.add(j)

    # layout; a row index (as wide leaves it out) is never a long layout's value column, nor counted as one
    layout = options.layout
    folded = [plain_name(n) for n in names]
    indexes = {j for j in range(width) if row_index(names[j], profiles[j], j == 0) is not None}
    stream_guess = next((folded.index(h) for h in _STREAM_HINTS if h in folded), None)
    value_guess = next(
        (j for h in _VALUE_HINTS if h in folded and (j := folded.index(h)) != stream_guess and j not in indexes), None
    )

    free = [j for j in range(width) if j not in roles]

    def hinted(j: int) -> bool:
        return is_time_name(names[j])

    spec = TimeSpec(pattern=options.time_pattern)
    time_reason: Message | None = None
    has_time_role = any(r in (Role.TIME, Role.DATE, Role.TIME_OF_DAY) for r in roles.values())
    if options.time_pattern and not has_time_role:
        fits = sorted(
            ((_pattern_fits(profiles[j].raws, options.time_pattern), j) for j in free if profiles[j].filled),
            key=lambda t: (-t[0], not hinted(t[1]), t[1]),
        )
        if fits and fits[0][0] >= 0.5:
            roles[fits[0][1]] = Role.TIME
            time_reason = _m(
                "time-pattern-fits",
                QT_TRANSLATE_NOOP("importers", "its cells match the format {pattern}"),
                pattern=options.time_pattern,
            )
            has_time_role = True
    parts = {} if has_time_role else _time_parts(names, profiles, free)
    if parts:
        for j in parts.values():
            roles[j] = Role.TIME_PART
        spec.parts = parts
        has_time_role = True
    numeric_formats: dict[int, tuple[TimeFormat, Message]] = {}
    if not has_time_role:
        # A column of dates: 90% of its cells, or half when its header says "time" (the rest are reported).
        dated = [
            j
            for j in free
            if profiles[j].filled
            and profiles[j].share(C.CellClass.DATETIME, C.CellClass.DATE) >= (0.5 if hinted(j) else 0.9)
        ]
        if dated:
            j = sorted(dated, key=lambda k: (not hinted(k), k))[0]
            if profiles[j].share(C.CellClass.DATE) >= 0.9 and profiles[j].formats.most_common(1)[0][0] not in (
                TimeFormat.PERIOD,
            ):
                tods = [
                    k
                    for k in free
                    if k != j
                    and profiles[k].filled
                    and (
                        profiles[k].share(C.CellClass.TIME_OF_DAY) >= 0.9
                        or (hinted(k) and _all_times_of_day(profiles[k].raws))
                    )
                ]
                if tods:
                    k = sorted(tods, key=lambda k: (abs(k - j) != 1, not hinted(k), k))[0]
                    roles[j], roles[k] = Role.DATE, Role.TIME_OF_DAY
                else:
                    roles[j] = Role.TIME
            else:
                roles[j] = Role.TIME
            share = round(100 * profiles[j].share(C.CellClass.DATETIME, C.CellClass.DATE))
            time_reason = (
                _m(
                    "time-dates-named",
                    QT_TRANSLATE_NOOP("importers", "{share}% of its cells are dates and its header says time"),
                    share=share,
                )
                if hinted(j)
                else _m("time-dates", QT_TRANSLATE_NOOP("importers", "{share}% of its cells are dates"), share=share)
            )
        else:
            for j in free:
                found = numeric_time_format(profiles[j], hinted(j)) if profiles[j].filled else None
                if found is not None:
                    numeric_formats[j] = found
            numeric = sorted(numeric_formats, key=lambda k: (not hinted(k), k))
            tods = [j for j in free if profiles[j].filled and profiles[j].share(C.CellClass.TIME_OF_DAY) >= 0.9]
            if numeric:
                roles[numeric[0]] = Role.TIME
                time_reason = numeric_formats[numeric[0]][1]
            elif tods:
                roles[tods[0]] = Role.TIME_OF_DAY

    if layout is None:
        how: Message
        if Role.STREAM in roles.values():
            layout = Layout.LONG
            how = _m("layout-stream-chosen", QT_TRANSLATE_NOOP("importers", "a datastream column was chosen"))
        elif structure.has_header and stream_guess is not None and value_guess is not None:
            layout = Layout.LONG
            how = _m(
                "layout-headers",
                QT_TRANSLATE_NOOP("importers", "headers {stream} and {value} name the datastream and the value"),
                stream=column_ref(names[stream_guess], stream_guess),
                value=column_ref(names[value_guess], value_guess),
            )
        else:
            layout = Layout.WIDE
            how = _m("layout-wide-default", QT_TRANSLATE_NOOP("importers", "one column per datastream"))
            rest = [j for j in range(width) if j not in roles and j not in indexes and profiles[j].filled]
            labels = [
                j
                for j in rest
                if profiles[j].share(C.CellClass.TEXT) > 0.9
                and 2 <= len(profiles[j].distinct) <= 20
                and profiles[j].filled >= 3 * len(profiles[j].distinct)
            ]
            numbers = [j for j in rest if j not in labels and profiles[j].share(C.CellClass.NUMBER) > 0.5]
            if any(r is Role.TIME for r in roles.values()) and len(labels) == 1 and len(numbers) == 1:
                stream_guess, value_guess = labels[0], numbers[0]
                layout = Layout.LONG
                how = _m(
                    "layout-labels",
                    QT_TRANSLATE_NOOP(
                        "importers", "a column of a few repeated names ({name}) beside one column of numbers"
                    ),
                    name=repr(names[labels[0]]),
                )
        decisions.append(
            _m(
                "layout",
                QT_TRANSLATE_NOOP("importers", "layout: {layout} ({how})"),
                layout=layout_name(layout),
                how=how,
            )
        )
    else:
        decisions.append(
            _m(
                "layout",
                QT_TRANSLATE_NOOP("importers", "layout: {layout} ({how})"),
                layout=layout_name(layout),
                how=_CHOSEN,
            )
        )

    if layout is Layout.LONG:
        pick: int | None
        if Role.STREAM not in roles.values():
            pick = stream_guess if stream_guess is not None and stream_guess not in roles else None
            if pick is None:
                pick = next(
                    (k for k in range(width) if k not in roles and profiles[k].share(C.CellClass.TEXT) > 0.5), None
                )
            if pick is not None:
                roles[pick] = Role.STREAM
        if Role.VALUE not in roles.values():
            pick = value_guess if value_guess is not None and value_guess not in roles else None
            if pick is None:
                pick = next((k for k in reversed(range(width)) if k not in roles and k not in indexes), None)
            if pick is not None:
                roles[pick] = Role.VALUE
        for j in range(width):
            roles.setdefault(j, Role.SKIP)
    else:
        for j in range(width):
            if structure.has_header and (names[j] == unnamed_column(j) or not any(ch.isalnum() for ch in names[j])):
                unnamed.add(j)
            if j in roles:
                continue
            reason = None if j in revised else _skip_reason(names[j], profiles[j], rows_read, j in unnamed, j == 0)
            if reason is not None:
                roles[j], reasons[j] = Role.SKIP, reason
            else:
                roles[j] = Role.VALUE
        for j, role in roles.items():
            if role is Role.STREAM:
                roles[j] = Role.VALUE
        for j in range(width):
            if roles[j] is not Role.VALUE:
                continue
            if j in excluded:
                roles[j], reasons[j] = Role.SKIP, _m("skip-excluded", QT_TRANSLATE_NOOP("importers", "excluded"))
            elif included is not None and j not in included:
                roles[j] = Role.SKIP
                reasons[j] = _m("skip-not-chosen", QT_TRANSLATE_NOOP("importers", "not among the columns chosen"))
            elif included is not None and j in included and j in reasons:
                del reasons[j]
        if included is not None:
            for j in included:
                if roles[j] is Role.SKIP and j not in user_roles:
                    roles[j] = Role.VALUE
                    reasons.pop(j, None)

    # one time source only
    for j in range(width):
        role = roles[j]
        if role is Role.TIME and spec.time_col is None and spec.date_col is None and not spec.parts:
            spec.time_col = j
        elif role is Role.DATE and spec.date_col is None and spec.time_col is None and not spec.parts:
            spec.date_col = j
        elif role is Role.TIME_OF_DAY and spec.tod_col is None and spec.time_col is None and not spec.parts:
            spec.tod_col = j
        elif role in (Role.TIME, Role.DATE, Role.TIME_OF_DAY):
            roles[j] = Role.SKIP
            reasons[j] = _ANOTHER_TIME
    if spec.time_col is not None and spec.tod_col is not None:
        roles[spec.tod_col] = Role.SKIP
        reasons[spec.tod_col] = _ANOTHER_TIME
        spec.tod_col = None

    date_order: DateOrder | None = None
    order_reason: Message | None = None
    ambiguous: tuple[str, ...] = ()
    order_readings_: tuple[tuple[str, str], ...] = ()
    timed = spec.time_col if spec.time_col is not None else spec.date_col
    fmt_label: Message | None = None
    if timed is not None:
        profile = profiles[timed]
        time_choice = choices[timed].time_format
        if spec.pattern and spec.time_col is not None:
            time_choice = TimeFormat.PATTERN
        if time_choice is None and not profile.formats and profile.filled:
            found = numeric_formats.get(timed) or numeric_time_format(profile, True)
            if found is not None:
                time_choice = found[0]
                time_reason = time_reason or found[1]
        fmt, date_order, order_reason, undecided = pick_time_format(profile, time_choice, options)
        if undecided is not None:
            spec.undecided, spec.orders = True, undecided
            ambiguous = tuple(t for t in profile.texts[:3])
            order_readings_ = order_readings(undecided, profile.texts)
        if spec.time_col is not None:
            spec.fmt = fmt
        else:
            spec.date_fmt = fmt
        if choices[timed].time_format is not None:
            time_reason = _CHOSEN
        elif time_choice is TimeFormat.PATTERN:
            time_reason = _m("time-pattern-given", QT_TRANSLATE_NOOP("importers", "the format given"))
        fmt_label = format_label(fmt, spec.pattern)
        if undecided is not None:  # the cells do not tell the order: any reading that fits, none picked
            fmt_label = C.orders_in_words(undecided)
        if fmt is TimeFormat.PERIOD:
            notes.append(
                _m(
                    "periods",
                    QT_TRANSLATE_NOOP(
                        "importers", "Column {column} holds periods ({example}): each is read as its start."
                    ),
                    column=column_label(names[timed], timed),
                    example=profile.example,
                )
            )
    if spec.tod_col is not None:
        tod_profile = profiles[spec.tod_col]
        spec.interval = (
            tod_profile.formats.most_common(1)[0][0] is TimeFormat.INTERVAL if tod_profile.formats else False
        )
        if spec.interval:
            notes.append(
                _m(
                    "intervals",
                    QT_TRANSLATE_NOOP(
                        "importers",
                        "Column {column} holds intervals ({example}): each row is read at the interval's start.",
                    ),
                    column=column_label(names[spec.tod_col], spec.tod_col),
                    example=tod_profile.example,
                )
            )
    if spec.tod_col is not None and spec.date_col is None:
        spec.today = options.first_date
        spec.needs_date = options.first_date is None
        if options.first_date is not None:
            notes.append(
                _m(
                    "dated-from",
                    QT_TRANSLATE_NOOP(
                        "importers",
                        "Times of day without a date column: the first row is dated {date} (chosen); a time of "
                        "day earlier than the row before it starts the next day.",
                    ),
                    date=options.first_date.isoformat(),
                )
            )
    if spec.tod_col is not None:
        spec.fmt = TimeFormat.TIME_OF_DAY

    # the zone the file states wins for its column; the caller's zone applies only to times without one
    zone, zone_name, zone_reason, zone_why, question, season_of, unstated, zone_stated, zone_column, zone_unused = (
        time_zone(structure.has_header, names, profiles, spec, options)
    )

    # time decision, in words
    zone_text = _m("zone-of-time", QT_TRANSLATE_NOOP("importers", "zone {zone} ({why})"), zone=zone_name, why=zone_why)
    if spec.parts:
        shown = " + ".join(f"{names[j]!r}" for j in spec.parts.values())
        decisions.append(
            _m(
                "time-parts",
                QT_TRANSLATE_NOOP("importers", "time: columns {columns} combined, {zone}"),
                columns=shown,
                zone=zone_text,
            )
        )
        notes.append(
            _m(
                "time-parts-note",
                QT_TRANSLATE_NOOP(
                    "importers",
                    "The time is combined from the columns {columns}; they are not imported as datastreams.",
                ),
                columns=shown,
            )
        )
    elif timed is not None or spec.tod_col is not None:
        where: Message
        if timed is None:
            where = _m(
                "time-where-tod",
                QT_TRANSLATE_NOOP("importers", "times of day only, column {column}"),
                column=column_label(names[spec.tod_col or 0], spec.tod_col or 0),
            )
        elif spec.tod_col is None:
            column = column_label(names[timed], timed)
            where = _m("time-where", QT_TRANSLATE_NOOP("importers", "column {column}"), column=column)
        else:
            where = _m(
                "time-where-date-tod",
                QT_TRANSLATE_NOOP("importers", "columns {date} + {time}"),
                date=column_label(names[timed], timed),
                time=column_label(names[spec.tod_col], spec.tod_col),
            )
        if spec.interval:
            where = _m(
                "time-where-intervals", QT_TRANSLATE_NOOP("importers", "{where} (intervals: their start)"), where=where
            )
        epoch = spec.fmt in (TimeFormat.EPOCH_S, TimeFormat.EPOCH_MS, TimeFormat.EPOCH_US, TimeFormat.EPOCH_NS)
        if epoch:
            zone_text = _m("zone-epoch", QT_TRANSLATE_NOOP("importers", "UTC instants: no zone applies"))
        elif zone_reason == ZONE_IN_TIMES:
            zone_text = _m(
                "zone-in-times", QT_TRANSLATE_NOOP("importers", "each time gives its zone (an offset, Z or UTC)")
            )
        elif question is not None:
            zone_text = _m("zone-question", QT_TRANSLATE_NOOP("importers", "zone {why}"), why=zone_why)
        shown_format = fmt_label or format_label(TimeFormat.TIME_OF_DAY)
        if time_reason is not None:
            decisions.append(
                _m(
                    "time",
                    QT_TRANSLATE_NOOP("importers", "time: {where}, format {format} ({how}), {zone}"),
                    where=where,
                    format=shown_format,
                    how=time_reason,
                    zone=zone_text,
                )
            )
        else:
            decisions.append(
                _m(
                    "time",
                    QT_TRANSLATE_NOOP("importers", "time: {where}, format {format}, {zone}"),
                    where=where,
                    format=shown_format,
                    zone=zone_text,
                )
            )
    else:
        decisions.append(_m("time-none", QT_TRANSLATE_NOOP("importers", "time: no column was understood as a time")))

    file_votes: Counter[str] = sum((p.decimals for p in profiles), Counter())  # `1,234` alone is asked: decimal_mark

    def decimal_of(j: int, kind: ValueKind) -> str:
        mark, said = decimal_mark(options.decimal, names, profiles, j, kind, file_votes)
        if said is not None:
            (questions if said.code == "decimal-question" else decisions).append(said)
        return mark

    rename = dict(options.rename)
    renamed_keys: set[str] = set()

    # values and ids
    infos: list[ColumnInfo] = []
    watched: dict[int, frozenset[str]] = {}
    used_ids: set[str] = set()
    values: list[int] = []
    units = structure.units
    for j in range(width):
        role = roles[j]
        profile = profiles[j]
        choice = choices[j]
        unit = units[j] if j < len(units) else ""
        info = ColumnInfo(index=j, name=names[j], role=role, example=profile.example, unit=unit)
        if role is Role.VALUE:
            kind = choice.kind
            if kind is None and layout is Layout.LONG:
                kind = ValueKind.AUTO  # each datastream's own: `stream_kinds` below, checked on all rows
                if revision is None:
                    watched[j] = frozenset()
            elif kind is None and j in revised:
                kind = revised[j]
            elif kind is None:
                # numbers, whatever else the column holds, unless written with leading zeros (`kinds.kind_of`); the
                # pass checks every later row
                counted = profile.classes[C.CellClass.NUMBER]
                kind = kind_of(profile.filled, counted, profile.classes[C.CellClass.JSON], bool(profile.zero_padded))
                if kind is ValueKind.TEXT and profile.zero_padded:
                    decisions.append(zero_padded_decision(names[j], profile.zero_padded))
                if revision is None:
                    watched[j] = frozenset()
            suggested = names[j] if is_safe_stream_id(names[j]) else suggest_stream_id(names[j])
            note = (
                None
                if profile.filled or j in revised
                else Counted("empty-column").tr("empty in the first %Ln row(s)", "", rows_read)
            )
            if layout is Layout.WIDE:
                new = next((rename[k] for k in (names[j], str(j + 1), suggested) if k in rename), None)
                if new is not None:
                    renamed_keys.update(k for k in (names[j], str(j + 1), suggested) if k in rename)
                stream_id = choice.stream_id.strip() if choice.stream_id else (new or unique_id(suggested, used_ids))
                if j in unnamed and not choice.stream_id and new is None:
                    stream_id = ""
                    questions.append(unnamed_question(j + 1))
                used_ids.add(stream_id)
                info = replace(info, stream_id=stream_id, suggested_id=suggested, id_safe=is_safe_stream_id(stream_id))
                values.append(j)
            info = replace(info, kind=kind, decimal=decimal_of(j, kind), note=note)
        elif role in (Role.TIME, Role.DATE):
            info = replace(info, time_format=spec.fmt if role is Role.TIME else spec.date_fmt)
        elif role is Role.TIME_OF_DAY:
            info = replace(info, time_format=TimeFormat.INTERVAL if spec.interval else TimeFormat.TIME_OF_DAY)
        elif role is Role.TIME_PART:
            info = replace(
                info,
                time_format=TimeFormat.PARTS,
                note=_m("time-part", QT_TRANSLATE_NOOP("importers", "part of the time")),
            )
        elif role is Role.SKIP and j in reasons:
            info = replace(info, note=_not_imported(reasons[j]))
            if revision is None and layout is Layout.WIDE and reasons[j].code in SAMPLE_SKIPS:
                watched[j] = frozenset(profile.distinct | profile.missing_texts)
        infos.append(info)
    if layout is Layout.WIDE:
        unknown = [k for k in rename if k not in renamed_keys]
        if unknown:
            raise ImportFailed(
                _m(
                    "stream-id-the-file-has-no-column",
                    QT_TRANSLATE_NOOP(
                        "importers", "stream id: the file has no column {unknown_0} to rename. Its columns are {join}."
                    ),
                    unknown_0=repr(unknown[0]),
                    join=str(", ".join(names)),
                )
            )
    found_missing = frozenset(
        t for info in infos if info.kind is ValueKind.NUMBER for t in profiles[info.index].missing_texts
    )
    if revision is not None:
        found_missing |= revision.markers
    # long layout: each datastream's kind by the rule of a wide value column, from the rows read (and all rows)
    stream_col = next((j for j in range(width) if roles[j] is Role.STREAM), None)
    value_col = next((j for j in range(width) if roles[j] is Role.VALUE), None)
    kinds: dict[str, ValueKind] = {}
    if layout is Layout.LONG and stream_col is not None and value_col is not None and choices[value_col].kind is None:
        kinds, markers, said = stream_kinds(structure.data_sample, stream_col, value_col, missing, names[value_col])
        found_missing, decisions = found_missing | markers, decisions + said
        kinds.update(revision.stream_kinds if revision is not None else {})
    if found_missing:
        decisions.append(markers_decision(found_missing))
    if revision is not None:
        decisions += revision.decisions
    decisions += [
        _m(
            "texts-among-numbers",
            QT_TRANSLATE_NOOP(
                "importers",
                "column {column}: numbers, with texts among them ({texts}): their rows are rejected unless the "
                "texts are missing-value markers or the column is read as text (send --text; the import dialog's "
                "columns table)",
            ),
            column=column_label(info.name, info.index),
            texts=", ".join(repr(t) for t in profiles[info.index].other_texts),
        )
        for info in infos
        if info.kind is ValueKind.NUMBER and choices[info.index].kind is None and profiles[info.index].other_texts
    ]
    decisions += [
        full_width_decision(i.name, profiles[i.index].full_width)
        for i in infos
        if i.role is Role.VALUE and profiles[i.index].full_width
    ]
    decisions += [
        _m(
            "skipped-column",
            QT_TRANSLATE_NOOP("importers", "not imported: {column} ({why})"),
            column=column_ref(names[j], j),
            why=reasons[j],
        )
        for j in range(width)
        if roles[j] is Role.SKIP and j in reasons
    ]

    if layout is Layout.LONG and (stream_col is None or value_col is None):
        raise ImportFailed(
            _m(
                "the-long-layout-needs-a-datastre",
                QT_TRANSLATE_NOOP(
                    "importers",
                    "The long layout needs a datastream column and a value column: choose them in the"
                    " columns table, or read the file as wide.",
                ),
            )
        )
    if layout is Layout.WIDE and not values:
        raise ImportFailed(
            _m(
                "no-column-is-imported-include-at",
                QT_TRANSLATE_NOOP("importers", "No column is imported: include at least one column as a datastream."),
            )
        )
    return Plan(
        infos,
        spec,
        values,
        stream_col,
        value_col,
        layout,
        date_order,
        order_reason,
        ambiguous,
        notes,
        decisions,
        zone,
        zone_name,
        zone_reason,
        question,
        unstated,
        zone_stated,
        zone_column,
        zone_unused,
        rename if layout is Layout.LONG else {},
        found_missing,
        zone_why,
        watched,
        tuple(questions),
        kinds,
        order_readings_,
        season_of,
    )
