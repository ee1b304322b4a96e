package health.ferry.accounts;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link Relationship} as its lower-case code. */
@Converter
class RelationshipConverter implements AttributeConverter<Relationship, String> {
    @Override
    public String convertToDatabaseColumn(Relationship attribute) {
        return attribute == null ? null : attribute.code();
    }

    @Override
    public Relationship convertToEntityAttribute(String dbData) {
        return Relationship.fromCode(dbData);
    }
}
