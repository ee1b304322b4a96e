-- Whether a document's text came from OCR, and if not why not (detection.OcrStatus codes: not_needed, read,
-- page_cap, time_cap, failed, not_installed, off). Rows from before OCR are not_needed.
alter table upload_document add column ocr varchar(20) default 'not_needed' not null;
