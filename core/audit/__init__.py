"""The audit log (nhật ký): who changed which user-entered data and who took which workflow step, for the admin
and the secretariat. Core reads the sources the apps register (`registry.py`) and never imports them."""
