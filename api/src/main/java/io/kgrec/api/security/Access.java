package io.kgrec.api.security;

import io.kgrec.api.error.ApiException;
import io.kgrec.api.error.ErrorCode;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What each role may do, checked at the start of every operation. A frontend credential scoped to one customer may
 * only touch that customer; the role matrix test exercises every operation with every role.
 */
@Component
public class Access {
    /** Reading one customer's recommendations, explanations or profile. */
    public static final Set<Role> READ_CUSTOMER = EnumSet.of(Role.FRONTEND, Role.ANALYST, Role.REVIEWER, Role.ADMIN);
    /** Reading the catalogue. */
    public static final Set<Role> READ_CATALOG = EnumSet.allOf(Role.class);
    /** Reading the model's state and training progress: it names no customer. */
    public static final Set<Role> READ_MODEL_STATUS = EnumSet.allOf(Role.class);
    /** Recording what a customer did or saw. */
    public static final Set<Role> WRITE_FEEDBACK = EnumSet.of(Role.FRONTEND, Role.ADMIN);

    /** The current caller; the security filter chain guarantees one on /graphql. */
    public Caller caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof CallerAuthentication c) {
            return c.caller();
        }
        throw new ApiException(ErrorCode.UNAUTHENTICATED, "a credential is required");
    }

    /** The current caller, if there is one. */
    public java.util.Optional<Caller> currentCaller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof CallerAuthentication c ? java.util.Optional.of(c.caller()) : java.util.Optional.empty();
    }

    /** @throws ApiException FORBIDDEN when the caller's role is not allowed */
    public Caller require(Set<Role> allowed) {
        Caller caller = caller();
        if (!allowed.contains(caller.role())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "the " + caller.role().name().toLowerCase()
                    + " role may not do this");
        }
        return caller;
    }

    /**
     * @throws ApiException FORBIDDEN when the role is not allowed, or a scoped frontend asks for another customer
     */
    public Caller requireForCustomer(Set<Role> allowed, String customerId) {
        Caller caller = require(allowed);
        if (caller.customerScope().isPresent() && !caller.customerScope().get().equals(customerId)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "this credential may only access its own customer");
        }
        return caller;
    }
}
