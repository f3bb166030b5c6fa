"""File readers: every format and encoding officers send, row numbers, and every error message."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from consignet.errors import InputError
from consignet.ingest.profile import Profile
from consignet.ingest.readers import RawRow, open_source

HEADER = ["Номер декларации", "Код ТН ВЭД", "Порт погрузки", "Порт выгрузки", "Вес брутто"]
ROWS = [
    ["KZ-0001", "8542.31", "KZALA", "GEPTI", "1234,5"],
    ["KZ-0002", "8471 30 000 0", "KZAKX", "TRMER", "17,25"],
    ["KZ-0003", "850440", "KZALA", "AZBAK", "980"],
]
COLUMNS = {
    "Номер декларации": "record_id",
    "Код ТН ВЭД": "hs_code",
    "Порт погрузки": "port_loading",
    "Порт выгрузки": "port_discharge",
    "Вес брутто": "gross_mass_kg",
}


def profile(**overrides: object) -> Profile:
    data: dict[str, object] = {"source": "test", "reporting_country": "KZ", "columns": dict(COLUMNS)}
    data.update(overrides)
    return Profile.model_validate(data)


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ";", encoding: str = "utf-8") -> Path:
    text = "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def dotted(rows: list[list[str]]) -> list[list[str]]:
    """The rows with decimal points, for comma-separated files."""
    return [[c.replace(",", ".") for c in r] for r in rows]


def values(rows: list[RawRow], column: str) -> list[object]:
    return [r.values[column] for r in rows]


# -- CSV encodings and delimiters ----------------------------------------------------------------------
def test_cp1251_csv_is_detected_and_decoded(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "kz.csv", [HEADER, *ROWS], encoding="cp1251")
    source = open_source(path, profile())
    assert (source.format, source.encoding, source.delimiter) == ("csv", "cp1251", ";")
    assert source.header == HEADER
    rows = list(source.rows())
    assert values(rows, "Номер декларации") == [r[0] for r in ROWS]
    assert [r.row for r in rows] == [2, 3, 4]


@pytest.mark.parametrize(
    ("encoding", "header", "value"),
    [
        ("cp1251", ["№ контейнера", "Грузоотправитель"], "ТОО «Шелковый путь»"),
        ("cp1254", ["Konteyner No", "Gönderici"], "Yılmaz Dış Ticaret Ltd. Şti."),
        ("cp1250", ["Nr kontenera", "Nadawca"], "Łódź Żegluga Spółka z o.o."),
        ("cp1252", ["N. container", "Mittente"], "Società Caffè Città S.r.l."),
    ],
)
def test_single_byte_code_pages(tmp_path: Path, encoding: str, header: list[str], value: str) -> None:
    latin = {"ID": "record_id", "HS": "hs_code", "POL": "port_loading", "POD": "port_discharge"}
    rows = [[*latin, *header]] + [
        [f"R{i}", "854231", "KZALA", "GEPTI", "MSCU1234566", f"{value} {i}"] for i in range(12)
    ]
    path = write_csv(tmp_path / "legacy.csv", rows, encoding=encoding)
    source = open_source(path, profile(columns=latin))
    assert source.encoding == encoding
    assert source.header[-2:] == header
    assert next(iter(source.rows())).values[header[1]] == f"{value} 0"


def test_utf8_bom_is_not_part_of_the_first_header(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bom.csv", [HEADER, *dotted(ROWS)], delimiter=",", encoding="utf-8-sig")
    source = open_source(path, profile())
    assert source.encoding == "utf-8-sig"
    assert source.header[0] == "Номер декларации"
    assert values(list(source.rows()), "Номер декларации")[0] == "KZ-0001"


def test_utf8_without_bom(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "plain.csv", [HEADER, *dotted(ROWS)], delimiter=",")
    source = open_source(path, profile())
    assert (source.encoding, source.delimiter) == ("utf-8", ",")


def test_excel_unicode_text_export(tmp_path: Path) -> None:
    # Excel's "Unicode Text" export: UTF-16 with a BOM, tab-separated, .txt
    path = write_csv(tmp_path / "export.txt", [HEADER, *ROWS], delimiter="\t", encoding="utf-16")
    source = open_source(path, profile())
    assert (source.format, source.encoding, source.delimiter) == ("csv", "utf-16", "\t")
    assert values(list(source.rows()), "Код ТН ВЭД") == [r[1] for r in ROWS]


def test_tab_separated_file(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "tr.tsv", [HEADER, *ROWS], delimiter="\t")
    source = open_source(path, profile())
    assert source.delimiter == "\t"
    assert values(list(source.rows()), "Порт выгрузки") == [r[3] for r in ROWS]


def test_semicolon_file_with_decimal_commas_keeps_values_whole(tmp_path: Path) -> None:
    # Every data row has as many decimal commas as the next: a naive count would pick ','.
    rows = [HEADER, ["A", "8542.31", "KZALA", "GEPTI", "1,5"], ["B", "8542.32", "KZALA", "GEPTI", "2,75"]]
    path = write_csv(tmp_path / "semi.csv", rows, delimiter=";")
    source = open_source(path, profile())
    assert source.delimiter == ";"
    assert values(list(source.rows()), "Вес брутто") == ["1,5", "2,75"]


def test_declared_delimiter_and_encoding_win(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.txt", [HEADER, *ROWS], delimiter="\t", encoding="cp1251")
    source = open_source(path, profile(delimiter="tab", encoding="cp1251"))
    assert (source.delimiter, source.encoding) == ("\t", "cp1251")
    assert len(list(source.rows())) == 3


def test_quoted_field_with_newline_keeps_the_line_it_starts_on(tmp_path: Path) -> None:
    text = (
        "Номер декларации,Код ТН ВЭД,Порт погрузки,Порт выгрузки,Вес брутто\n"
        'KZ-1,854231,KZALA,GEPTI,"1\n2\n3"\n'
        "KZ-2,854232,KZALA,GEPTI,4\n"
    )
    path = tmp_path / "multi.csv"
    path.write_text(text, encoding="utf-8")
    rows = list(open_source(path, profile()).rows())
    assert [r.row for r in rows] == [2, 5]
    assert rows[0].values["Вес брутто"] == "1\n2\n3"


def test_blank_lines_are_skipped_but_keep_line_numbers(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "gaps.csv", [HEADER, ROWS[0], [""], ["", "", "", "", ""], ROWS[1]], delimiter=";")
    rows = list(open_source(path, profile()).rows())
    assert [r.row for r in rows] == [2, 5]


def test_header_row_below_title_lines(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "title.csv", [["Manifest March 2024"], [""], HEADER, *ROWS], delimiter=";")
    source = open_source(path, profile(header_row=3))
    assert source.header == HEADER
    assert [r.row for r in source.rows()] == [4, 5, 6]


def test_header_cells_match_after_strip_and_ignoring_case(tmp_path: Path) -> None:
    header = ["  номер декларации ", "КОД ТН ВЭД", "Порт погрузки", "Порт выгрузки", "Вес брутто", "Примечание"]
    path = write_csv(tmp_path / "case.csv", [header, [*ROWS[0], "note"]], delimiter=";")
    source = open_source(path, profile(columns={**COLUMNS, "Судно": "vessel_name"}))
    row = next(iter(source.rows()))
    # Values are keyed by the profile's spelling, so the pipeline can look profile.columns up directly.
    assert row.values["Номер декларации"] == "KZ-0001"
    assert row.values["Код ТН ВЭД"] == "8542.31"
    assert source.extra_columns == ["Примечание"]
    assert source.missing_optional == ["Судно"]


def test_a_row_with_surplus_cells_comes_out_flagged_not_shifted(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "late.csv", [HEADER, *ROWS, ["X", "1", "2", "3", "4", "5", "6"]], delimiter=";")
    rows = list(open_source(path, profile()).rows())
    assert [r.problem for r in rows[:-1]] == [None] * (len(rows) - 1)
    broken = rows[-1]
    assert broken.row == 5 and broken.problem and "7 cells but the header has 5" in broken.problem
    assert broken.values["cell_7"] == "6"  # the raw cells are kept for the rejects file


# -- XLSX ----------------------------------------------------------------------------------------------
def make_workbook(path: Path) -> Path:
    wb = Workbook()
    notes = wb.active
    notes.title = "Notes"
    notes.append(["Exported by the Alyat port control unit"])
    data = wb.create_sheet("Manifest")
    data.append([*HEADER, "Дата"])
    for i, row in enumerate(ROWS):
        data.append([row[0], row[1], row[2], row[3], float(row[4].replace(",", ".")), None])
        if i == 0:
            data.append([None] * 5)  # a blank row inside the table
    data.cell(row=5, column=6, value=dt.datetime(2024, 3, 1, 10, 30))
    data.cell(row=5, column=8, value="a note beside the table")
    data.append([None] * 5)  # blank trailing rows
    data.append(["", " ", None, None, None])
    wb.save(path)
    return path


def test_xlsx_named_sheet_rows_and_native_values(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "az.xlsx")
    source = open_source(path, profile(sheet="Manifest"))
    assert (source.format, source.sheet, source.encoding) == ("xlsx", "Manifest", None)
    rows = list(source.rows())
    assert [r.row for r in rows] == [2, 4, 5]
    assert values(rows, "Вес брутто") == [1234.5, 17.25, 980.0]
    assert source.extra_columns == ["Дата"]
    assert rows[2].values["Дата"] == dt.datetime(2024, 3, 1, 10, 30)
    assert "a note beside the table" not in rows[2].values.values()


def test_xlsx_sheet_by_index_and_first_sheet_default(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "az.xlsx")
    assert open_source(path, profile(sheet=1)).sheet == "Manifest"
    with pytest.raises(InputError, match=r"az\.xlsx: column .*\(record_id\) is missing"):
        open_source(path, profile())  # the first sheet is the notes sheet


def test_xlsx_unknown_sheet_lists_the_sheets(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "az.xlsx")
    with pytest.raises(InputError) as err:
        open_source(path, profile(sheet="Data"))
    assert "az.xlsx" in err.value.detail and "'Notes', 'Manifest'" in err.value.detail


def test_a_csv_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "fake.xlsx", [HEADER, *ROWS])
    with pytest.raises(InputError, match=r"fake\.xlsx: not an XLSX workbook"):
        open_source(path, profile())


# -- JSON and NDJSON -----------------------------------------------------------------------------------
def records() -> list[dict[str, object]]:
    return [dict(zip(HEADER, row, strict=True)) for row in ROWS]


def test_json_array_row_is_element_index(tmp_path: Path) -> None:
    items = records()
    items.insert(1, {k: None for k in HEADER})  # an empty element: skipped, still counted as element 2
    items[0]["consignee"] = {"name": "ТОО Шелковый путь", "country": "KZ"}
    path = tmp_path / "ge.json"
    path.write_text(json.dumps(items, ensure_ascii=False, indent=2), encoding="utf-8")
    source = open_source(path, profile())
    assert source.format == "json"
    rows = list(source.rows())
    assert [r.row for r in rows] == [1, 3, 4]
    assert rows[0].values["consignee.name"] == "ТОО Шелковый путь"
    assert rows[1].values["consignee.name"] is None
    assert "consignee.country" in source.extra_columns


def test_json_object_wrapping_the_records(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.json"
    path.write_text(json.dumps({"records": records()}), encoding="utf-8")
    assert len(list(open_source(path, profile()).rows())) == 3


def test_ndjson_row_is_line_number(tmp_path: Path) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in records()]
    path = tmp_path / "tm.ndjson"
    path.write_text(lines[0] + "\n\n" + lines[1] + "\n" + lines[2] + "\n", encoding="utf-8")
    source = open_source(path, profile())
    assert source.format == "ndjson"
    assert [r.row for r in source.rows()] == [1, 3, 4]


def test_ndjson_in_a_json_file_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text("\n".join(json.dumps(r) for r in records()), encoding="utf-8")
    assert open_source(path, profile()).format == "ndjson"


def test_bad_ndjson_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = json.dumps(records()[0])
    path.write_text(f'{good}\n{good}\n{{"Код ТН ВЭД": 8542,,}}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl: line 3: bad JSON"):
        list(open_source(path, profile()).rows())


def test_bad_json_array_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[\n  {"a": 1},\n  {"a": 2,}\n]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json: line 3 column \d+: bad JSON"):
        open_source(path, profile())


# -- errors --------------------------------------------------------------------------------------------
def test_missing_required_column_names_file_column_and_header(tmp_path: Path) -> None:
    header = [h for h in HEADER if h != "Код ТН ВЭД"]
    path = write_csv(tmp_path / "kz.csv", [header, ["A", "KZALA", "GEPTI", "1"]])
    with pytest.raises(InputError) as err:
        open_source(path, profile())
    detail = err.value.detail
    assert detail.startswith("kz.csv: column 'Код ТН ВЭД' (hs_code) is missing; header has: ")
    assert "'Порт погрузки'" in detail


def test_required_field_the_profile_does_not_map(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "kz.csv", [HEADER, *ROWS])
    columns = {k: v for k, v in COLUMNS.items() if v != "port_discharge"}
    with pytest.raises(InputError, match="maps no column to required field 'port_discharge'"):
        open_source(path, profile(columns=columns))
    # ... unless the profile gives it as a constant.
    assert open_source(path, profile(columns=columns, constants={"port_discharge": "GEPTI"}))


def test_binary_file_given_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(InputError, match=r"photo\.csv: not a CSV/text file \(it looks like a PNG image\)"):
        open_source(path, profile())


def test_workbook_renamed_to_csv(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "book.xlsx").rename(tmp_path / "book.csv")
    with pytest.raises(InputError, match=r"book\.csv: not a CSV/text file .*set format: xlsx"):
        open_source(path, profile())


def test_unclosed_quote_names_the_line(tmp_path: Path) -> None:
    lines = [";".join(HEADER), 'KZ-1;"854231;KZALA;GEPTI;1'] + [f"KZ-{i};1;2;3;4" for i in range(200)]
    path = tmp_path / "quote.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match=r"quote\.csv: line 2: .*quote that never closes"):
        list(open_source(path, profile()).rows())


def test_wrong_declared_encoding_names_the_line(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "cp.csv", [HEADER, *ROWS], encoding="cp1251")
    with pytest.raises(InputError, match=r"cp\.csv: line 1: bytes that are not utf-8"):
        list(open_source(path, profile(encoding="utf-8")).rows())


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty\.csv: the file is empty"):
        open_source(path, profile())


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        open_source(tmp_path / "nope.csv", profile())


def test_repeated_mapped_header_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "dup.csv", [[*HEADER, "Вес брутто"], [*ROWS[0], "1"]])
    with pytest.raises(InputError, match=r"dup\.csv: column 'Вес брутто' appears twice \(columns 5 and 6\)"):
        open_source(path, profile())
