package health.ferry.directory;

import jakarta.persistence.AttributeConverter;

/** An enum known outside Java by a stable snake_case code (in the contract and the database). */
interface Coded {
    String code();

    /** The constant with this code, or null. */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) {
                return e;
            }
        }
        return null;
    }

    /** Stores the code; each enum declares a subclass for {@code @Convert}. */
    abstract class Converter<E extends Enum<E> & Coded> implements AttributeConverter<E, String> {
        private final Class<E> type;

        protected Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : value.code();
        }

        @Override
        public E convertToEntityAttribute(String code) {
            return code == null ? null : fromCode(type, code);
        }
    }
}
