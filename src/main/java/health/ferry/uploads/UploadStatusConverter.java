package health.ferry.uploads;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link UploadStatus} as its contract code. */
@Converter
class UploadStatusConverter implements AttributeConverter<UploadStatus, String> {
    @Override
    public String convertToDatabaseColumn(UploadStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public UploadStatus convertToEntityAttribute(String code) {
        return code == null ? null : UploadStatus.fromCode(code);
    }
}
