package health.ferry.uploads.archive;

import java.util.Locale;

/** Why an uploaded archive was refused: the archive-level rejection codes of the API contract, each with plain text. */
public enum RejectionCode {
    NOT_AN_ARCHIVE("This file is not a ZIP archive. Please upload the .zip file your patient portal gave you."),
    ENCRYPTED_ARCHIVE("This archive is protected by a password, so we cannot open it. Please download it again "
            + "without a password, or unzip it and upload the files themselves."),
    SPLIT_ARCHIVE("This archive is split into several parts (.z01, .z02 …). Please upload one complete .zip file."),
    TOO_MANY_ENTRIES("This archive contains more files than we accept in one upload."),
    TOO_MUCH_DATA("This archive unpacks to more data than we accept in one upload."),
    COMPRESSION_RATIO("A file in this archive expands far more than real documents do, so for safety we did not "
            + "unpack it. If it is a genuine record, please upload that file on its own."),
    OVERLAPPING_ENTRIES("This archive is built in an unusual way (several files share the same data) that is used "
            + "to attack systems, so we did not unpack it."),
    DUPLICATE_ENTRIES("This archive contains two files with the same name, so we cannot tell which one is meant."),
    UNSAFE_ENTRY_NAME("A file name in this archive is not allowed (it points outside the archive, contains hidden "
            + "characters or is too long)."),
    SYMLINK_ENTRY("This archive contains a link to another file. Links are not accepted; please upload the files "
            + "themselves."),
    UNSUPPORTED_COMPRESSION("A file in this archive uses a compression method we cannot open. Please create the "
            + "archive again with standard ZIP compression."),
    CORRUPT_ARCHIVE("This archive is damaged or incomplete. Please download it again from your portal and upload "
            + "the new copy."),
    EMPTY_ARCHIVE("This archive contains no documents.");

    private final String message;

    RejectionCode(String message) {
        this.message = message;
    }

    /** The stable snake_case code the API and the database carry. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The plain-language explanation a participant reads. */
    public String message() {
        return message;
    }
}
