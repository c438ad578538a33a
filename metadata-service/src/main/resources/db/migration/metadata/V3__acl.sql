-- An explicit ACL per inode (dittofs.common.v1.Acl, protobuf bytes); NULL: the ACL is the mode's view.
ALTER TABLE inode ADD COLUMN acl BYTEA;
