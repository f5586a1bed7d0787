//! Rust names to wire names.

/// `organization_uid` to `organizationUid`; `r#type` to `type`.
pub(crate) fn camel_case(field: &str) -> String {
    let field = field.strip_prefix("r#").unwrap_or(field);
    let mut out = String::with_capacity(field.len());
    let mut upper_next = false;
    for c in field.chars() {
        if c == '_' {
            upper_next = !out.is_empty();
        } else if upper_next {
            out.extend(c.to_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// `organization` to `Organization`, `parent_company` to `ParentCompany`: the owner kind's
/// type name in `events_core::owner`.
pub(crate) fn pascal_case(name: &str) -> String {
    name.split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_fields_become_camel_case_members() {
        assert_eq!(camel_case("organization_uid"), "organizationUid");
        assert_eq!(
            camel_case("unsuccessful_register_attempt_status"),
            "unsuccessfulRegisterAttemptStatus"
        );
        assert_eq!(camel_case("r#type"), "type");
        assert_eq!(camel_case("model"), "model");
    }

    #[test]
    fn owner_kinds_become_type_names() {
        assert_eq!(pascal_case("organization"), "Organization");
        assert_eq!(pascal_case("parent_company"), "ParentCompany");
    }
}
