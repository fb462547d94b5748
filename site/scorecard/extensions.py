"""The Flask extensions that hold no state of their own, made here unbound: each layer binds
the ones it uses (`init_app`), and a view can name one where it is defined (a CSRF
exemption, say).

Flask-Limiter, Flask-Talisman and Flask-Compress are not here: they keep an app's settings
on the object itself, so one object cannot serve two apps with different settings (the
tests build many). The http/ modules make one of each per app.
"""

from flask_babel import Babel
from flask_login import LoginManager
from flask_wtf import CSRFProtect
from htmx_flask import Htmx

babel = Babel()
csrf = CSRFProtect()
htmx = Htmx()
login_manager = LoginManager()
