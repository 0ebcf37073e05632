"""The public subscription pages under /magazine: subscribe, check your email, confirm, unsubscribe. No sign-in."""
from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from debrief.mail import subscriptions
from debrief.mail.forms import ConfirmSubscriptionForm, SubscribeForm, UnsubscribeForm
from debrief.mail.tokens import TokenProblem
from debrief.security import public

bp = Blueprint("subscriptions", __name__, url_prefix="/magazine")


@bp.route("/subscribe", methods=["GET", "POST"])
@public
def subscribe():
    form = SubscribeForm()
    status = 200
    if form.validate_on_submit():
        client = subscriptions.client_key(request.remote_addr, current_app.config["SECRET_KEY"])
        try:
            subscriptions.subscribe(form.email.data, client=client)
        except subscriptions.SubscribeLimitReached as error:
            form.form_errors.append(str(error))
            status = 429
        else:
            # The same page whether the address was new, waiting or already subscribed.
            return redirect(url_for("subscriptions.check_email"))
    return render_template("subscriptions/subscribe.html", form=form), status


@bp.route("/subscribe/check-your-email")
@public
def check_email():
    return render_template("subscriptions/check_email.html",
                           valid_days=current_app.config["SUBSCRIBE_CONFIRM_DAYS"])


@bp.route("/subscribe/confirm/<token>", methods=["GET", "POST"])
@public
def confirm(token: str):
    try:
        subscriptions.pending_for_token(token)
    except subscriptions.AlreadyConfirmed:
        return render_template("subscriptions/already_confirmed.html")
    except TokenProblem as problem:
        return render_template("subscriptions/link_problem.html", reason=problem.reason), 404
    form = ConfirmSubscriptionForm()
    if form.validate_on_submit():
        try:
            subscriptions.confirm(token)
        except subscriptions.AlreadyConfirmed:  # confirmed in another tab between the page and the button
            return render_template("subscriptions/already_confirmed.html")
        return redirect(url_for("subscriptions.confirmed"))
    return render_template("subscriptions/confirm.html", form=form)


@bp.route("/subscribe/confirmed")
@public
def confirmed():
    return render_template("subscriptions/confirmed.html")


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@public
def unsubscribe(token: str):
    try:
        subscriber = subscriptions.subscriber_for_unsubscribe(token)
    except TokenProblem as problem:
        return render_template("subscriptions/link_problem.html", reason=problem.reason), 404
    if subscriber is None:
        return render_template("subscriptions/unsubscribed.html", already=True)
    form = UnsubscribeForm()
    if form.validate_on_submit():
        subscriptions.unsubscribe(token)
        return redirect(url_for("subscriptions.unsubscribed"))
    return render_template("subscriptions/unsubscribe.html", form=form)


@bp.route("/unsubscribed")
@public
def unsubscribed():
    return render_template("subscriptions/unsubscribed.html", already=False)
