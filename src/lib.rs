//! Downstream crate of the mdmodel workspace: see tests/ and examples/.
