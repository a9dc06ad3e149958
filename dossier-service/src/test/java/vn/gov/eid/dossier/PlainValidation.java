package vn.gov.eid.dossier;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** Test helper: Bean Validation without Quarkus, for fast tests of the constraints on domain values and commands. */
public final class PlainValidation {
    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private PlainValidation() {}

    /** Property path -> messages of every violation, sorted; empty when the value is valid. */
    public static Map<String, List<String>> violations(Object value) {
        return VALIDATOR.validate(value).stream()
                .collect(Collectors.groupingBy(
                        (ConstraintViolation<Object> v) -> v.getPropertyPath().toString(),
                        TreeMap::new,
                        Collectors.mapping(
                                ConstraintViolation::getMessage,
                                Collectors.collectingAndThen(
                                        Collectors.toList(),
                                        l -> l.stream().sorted().toList()))));
    }
}
