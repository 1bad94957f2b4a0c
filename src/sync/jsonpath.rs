//! Dotted paths with array indexes (`data.items`, `item.authors[0].name`) over
//! `serde_json::Value`: all a `[source.json]` mapping needs, so no JSONPath crate.
//! Parsing is separate from evaluation so the config can reject a bad path with its line.

use serde_json::Value;

/// One step of a path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// A parsed path; evaluating it never fails, a missing step just gives `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonPath {
    steps: Vec<Step>,
}

impl JsonPath {
    /// Parses `a.b[0].c`; `Err` says what is wrong in words a config writer understands.
    pub fn parse(text: &str) -> Result<JsonPath, String> {
        let mut steps = Vec::new();
        if text.trim().is_empty() {
            return Err("a path cannot be empty".into());
        }
        for (i, part) in text.split('.').enumerate() {
            let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
            if key.contains(']') || key.chars().any(char::is_whitespace) {
                return Err(format!("\"{part}\" is not a key (no spaces or stray `]`)"));
            }
            match (key.is_empty(), i == 0 && part.starts_with('[')) {
                (false, _) => steps.push(Step::Key(key.to_string())),
                (true, true) => {} // a path may start with an index: `[0].title`
                (true, false) => return Err(format!("empty key in \"{text}\" (a `..`?)")),
            }
            while !rest.is_empty() {
                let close = rest
                    .find(']')
                    .ok_or_else(|| format!("unclosed `[` in \"{text}\""))?;
                let index = rest[1..close]
                    .parse::<usize>()
                    .map_err(|_| format!("\"{}\" is not an array index", &rest[..=close]))?;
                steps.push(Step::Index(index));
                rest = &rest[close + 1..];
                if !rest.is_empty() && !rest.starts_with('[') {
                    return Err(format!(
                        "unexpected \"{rest}\" after an index in \"{text}\""
                    ));
                }
            }
        }
        Ok(JsonPath { steps })
    }

    /// The value at this path under `root`, if every step exists.
    pub fn get<'a>(&self, root: &'a Value) -> Option<&'a Value> {
        self.steps.iter().try_fold(root, |v, step| match step {
            Step::Key(k) => v.get(k.as_str()),
            Step::Index(i) => v.get(*i),
        })
    }

    /// The value as text: strings as they are, numbers and booleans written out; `None` for
    /// null, missing, arrays and objects (a mapping pointing at those is a mistake, not text).
    pub fn text(&self, root: &Value) -> Option<String> {
        match self.get(root)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_and_indexes_walk_the_value() {
        let v = json!({"data": {"items": [{"authors": [{"name": "Thu Hằng"}], "id": 7}]}});
        let p = JsonPath::parse("data.items[0].authors[0].name").unwrap();
        assert_eq!(p.text(&v).as_deref(), Some("Thu Hằng"));
        assert_eq!(
            JsonPath::parse("data.items[0].id").unwrap().text(&v),
            Some("7".into())
        );
        assert_eq!(JsonPath::parse("data.items[3].id").unwrap().get(&v), None);
        assert_eq!(JsonPath::parse("data.items").unwrap().text(&v), None);
        let arr = json!([[1, 2], [3]]);
        assert_eq!(
            JsonPath::parse("[1][0]").unwrap().text(&arr),
            Some("3".into())
        );
    }

    #[test]
    fn bad_syntax_is_an_error_naming_the_problem() {
        for bad in ["", "a..b", "a[", "a[x]", "a[0]b", "a b", "a]", ".a", "a."] {
            assert!(JsonPath::parse(bad).is_err(), "{bad:?} should be refused");
        }
        let e = JsonPath::parse("items[one]").unwrap_err();
        assert!(e.contains("[one]"), "{e}");
    }
}
